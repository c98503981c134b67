/// The tables a plugin's SQL may name: those of its namespace (`sms_` for `sms`). The
/// ``SQLiteDatabase/restricted(to:_:)`` authorizer asks ``permits(action:_:_:)`` about every
/// statement as SQLite compiles it, so a statement naming another plugin's or the gateway's
/// table, attaching a database, changing a pragma or ending the host's transaction fails to
/// compile with "not authorized", and nothing of it runs.
public struct TableNamespace: Sendable, Hashable {
    /// The prefix without its underscore, e.g. `sms`.
    public let name: String

    /// The namespace `name`: lowercase ASCII letters and digits, starting with a letter; nil
    /// otherwise (a namespace is part of SQL names).
    public init?(_ name: String) {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            name.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        self.name = name
    }

    /// Whether `table` (a table, index, view or trigger name) belongs to the namespace.
    public func owns(_ table: String) -> Bool {
        table.count > name.count + 1 && table.lowercased().hasPrefix(name + "_")
    }

    /// SQLite's own tables, which any statement may read (the schema, AUTOINCREMENT counters,
    /// statistics).
    static let readableSystemTables: Set<String> = [
        "sqlite_schema", "sqlite_master", "sqlite_temp_schema", "sqlite_temp_master", "sqlite_sequence", "sqlite_stat1",
    ]

    /// The schema tables SQLite itself writes when a statement creates or drops something;
    /// SQLite refuses direct writes to them (without `PRAGMA writable_schema`, which the
    /// authorizer refuses), so only its own updates pass.
    static let schemaTables: Set<String> = ["sqlite_schema", "sqlite_master", "sqlite_temp_schema", "sqlite_temp_master"]

    /// Whether the authorizer allows `action` (an `SQLITE_*` authorizer code) with its first two
    /// arguments; nil when the action needs no name check and is allowed.
    func permits(action: Int32, _ first: String?, _ second: String?) -> Bool {
        switch action {
        case 1, 3, 5, 7, 10, 12, 14, 16:
            // Indexes and triggers: the object (or the index SQLite makes for a UNIQUE or
            // PRIMARY KEY constraint) and the table it is on.
            guard let object = first, let table = second, owns(table) else { return false }
            return owns(object) || object.lowercased().hasPrefix("sqlite_autoindex_\(table.lowercased())_")
        case 2, 4, 6, 8, 11, 13, 15, 17, 27, 28:
            // Tables and views created or dropped, reindex, analyze.
            return first.map(owns) == true
        case 9, 18, 23:
            // Rows deleted, inserted or updated: the plugin's, or the schema's as SQLite
            // records a CREATE or DROP.
            guard let table = first else { return false }
            return owns(table) || Self.schemaTables.contains(table.lowercased())
        case 20:
            guard let table = first else { return true }
            return owns(table) || Self.readableSystemTables.contains(table.lowercased())
        case 26:
            return second.map(owns) == true
        case 21, 31, 33:
            // SELECT itself, function calls, recursive CTEs.
            return true
        default:
            // PRAGMA, transactions and savepoints, ATTACH, DETACH, virtual tables.
            return false
        }
    }

    /// What a refused action was, for the error message.
    static func describe(action: Int32, _ first: String?, _ second: String?) -> String {
        let names = [first, second].compactMap { $0 }.joined(separator: " on ")
        let verb: String = switch action {
        case 19: "a PRAGMA"
        case 22, 32: "a transaction statement (the handle runs the transaction)"
        case 24, 25: "attaching or detaching a database"
        case 20: "reading"
        case 18: "inserting into"
        case 23: "updating"
        case 9: "deleting from"
        default: "SQLite action \(action) on"
        }
        return names.isEmpty ? verb : "\(verb) \(names)"
    }
}
