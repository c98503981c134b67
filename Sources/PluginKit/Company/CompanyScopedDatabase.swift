/// A plugin's database as one company's request sees it: every row a read returns that has a
/// `tenant` column must be of the company, or the read fails with
/// ``PluginDatabaseError/otherCompany(column:)`` and nothing of it reaches the handler.
/// Writes go through unchanged: a route writes the company's id from ``CompanyScope``, never
/// one from the request.
public struct CompanyScopedDatabase: PluginDatabase {
    /// The plugin's own handle.
    public let base: any PluginDatabase
    /// The company the rows must be of.
    public let company: String

    /// `base` limited to `company`'s rows.
    public init(_ base: any PluginDatabase, company: String) {
        self.base = base
        self.company = company
    }

    /// See ``PluginDatabase/read(_:)``.
    public func read<Result: Sendable>(_ body: @escaping @Sendable (any DatabaseReader) throws -> Result) async throws -> Result {
        let company = self.company
        return try await base.read { reader in try body(CompanyRows(base: reader, company: company)) }
    }

    /// See ``PluginDatabase/write(_:)``.
    public func write<Result: Sendable>(_ body: @escaping @Sendable (any DatabaseWriter) throws -> Result) async throws -> Result {
        let company = self.company
        return try await base.write { writer in try body(CompanyRowWriter(base: writer, company: company)) }
    }
}

/// Checks the `tenant` column of every row read.
private struct CompanyRows: DatabaseReader {
    let base: any DatabaseReader
    let company: String

    func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [DatabaseRow] {
        let rows = try base.rows(sql, arguments)
        try rows.forEach(check)
        return rows
    }

    func forEachRow(_ sql: String, _ arguments: [DatabaseValue], _ body: (DatabaseRow) throws -> Bool) throws {
        try base.forEachRow(sql, arguments) { row in
            try check(row)
            return try body(row)
        }
    }

    func check(_ row: DatabaseRow) throws(PluginDatabaseError) {
        guard let index = row.columns.index(of: "tenant") else { return }
        guard row.values[index] == .text(company) else { throw .otherCompany(column: "tenant") }
    }
}

/// A writer whose reads are checked like ``CompanyRows``.
private struct CompanyRowWriter: DatabaseWriter {
    let base: any DatabaseWriter
    let company: String

    func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [DatabaseRow] {
        try CompanyRows(base: base, company: company).rows(sql, arguments)
    }

    func forEachRow(_ sql: String, _ arguments: [DatabaseValue], _ body: (DatabaseRow) throws -> Bool) throws {
        try CompanyRows(base: base, company: company).forEachRow(sql, arguments, body)
    }

    func execute(_ sql: String, _ arguments: [DatabaseValue]) throws { try base.execute(sql, arguments) }

    var changes: Int { base.changes }

    var lastInsertedRowID: Int64 { base.lastInsertedRowID }
}
