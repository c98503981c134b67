/// Read access to a plugin's tables inside one read transaction (``PluginDatabase/read(_:)``):
/// every query sees the same state of the database.
public protocol DatabaseReader {
    /// Every row `sql` returns with `arguments` bound to its `?` parameters in order.
    func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [DatabaseRow]
    /// Calls `body` with each row `sql` returns, in order, until it returns false: for reads
    /// too large to hold at once.
    func forEachRow(_ sql: String, _ arguments: [DatabaseValue], _ body: (DatabaseRow) throws -> Bool) throws
}

extension DatabaseReader {
    /// The first row `sql` returns, or nil.
    public func row(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> DatabaseRow? {
        var first: DatabaseRow?
        try forEachRow(sql, arguments) { row in
            first = row
            return false
        }
        return first
    }
}

/// Write access to a plugin's tables inside one transaction (``PluginDatabase/write(_:)``):
/// everything the body does commits together, or nothing does when it throws.
public protocol DatabaseWriter: DatabaseReader {
    /// Runs `sql` (one statement) with `arguments` bound to its `?` parameters.
    func execute(_ sql: String, _ arguments: [DatabaseValue]) throws
    /// The rows the last `INSERT`, `UPDATE` or `DELETE` changed.
    var changes: Int { get }
    /// The rowid of the last row inserted.
    var lastInsertedRowID: Int64 { get }
}

extension DatabaseWriter {
    /// Runs `sql` without parameters.
    public func execute(_ sql: String) throws { try execute(sql, []) }
}
