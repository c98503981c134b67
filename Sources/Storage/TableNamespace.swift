/// The tables a plugin's SQL may name: those of its namespace (`sms_` for `sms`). The
/// ``SQLiteDatabase/restricted(to:_:)`` authorizer asks ``permits(action:_:_:)`` about every
/// statement as SQLite compiles it, so a statement naming another plugin's or the gateway's
/// table, attaching a database, changing a pragma or ending the host's transaction fails to
/// compile with "not authorized", and nothing of it runs.
public struct TableNamespace: Sendable, Hashable {
    /// The prefix without its underscore, e.g. `sms`.
    public let name: String
    /// `name` and the underscore as bytes, for the authorizer's comparisons.
    private let prefix: [UInt8]

    /// The namespace `name`: lowercase ASCII letters and digits, starting with a letter; nil
    /// otherwise (a namespace is part of SQL names).
    public init?(_ name: String) {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            name.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        self.name = name
        prefix = Array((name + "_").utf8)
    }

    /// SQLite's own tables, which any statement may read (the schema, AUTOINCREMENT counters,
    /// statistics).
    static let readableSystemTables: [[UInt8]] = [
        "sqlite_schema", "sqlite_master", "sqlite_temp_schema", "sqlite_temp_master", "sqlite_sequence", "sqlite_stat1",
    ].map { Array($0.utf8) }

    /// The schema tables SQLite itself writes when a statement creates or drops something;
    /// SQLite refuses direct writes to them (without `PRAGMA writable_schema`, which the
    /// authorizer refuses), so only its own updates pass.
    static let schemaTables: [[UInt8]] = ["sqlite_schema", "sqlite_master", "sqlite_temp_schema", "sqlite_temp_master"].map { Array($0.utf8) }

    /// Whether the authorizer allows `action` (an `SQLITE_*` authorizer code) with its first two
    /// arguments (C strings, as SQLite passes them: this runs for every table and column a
    /// statement names, so it compares bytes and makes no strings).
    func permits(action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?) -> Bool {
        switch action {
        case 1, 3, 5, 7, 10, 12, 14, 16:
            // Indexes and triggers: the object (or the index SQLite makes for a UNIQUE or
            // PRIMARY KEY constraint on the table) and the table it is on.
            guard let object = first, owns(second) else { return false }
            return owns(object) || Self.startsWith(object, Array("sqlite_autoindex_".utf8) + prefix)
        case 2, 4, 6, 8, 11, 13, 15, 17, 27, 28:
            // Tables and views created or dropped, reindex, analyze.
            return owns(first)
        case 9, 18, 23:
            // Rows deleted, inserted or updated: the plugin's, or the schema's as SQLite
            // records a CREATE or DROP.
            return owns(first) || Self.isOne(of: Self.schemaTables, first)
        case 20:
            guard first != nil else { return true }
            return owns(first) || Self.isOne(of: Self.readableSystemTables, first)
        case 26:
            return owns(second)
        case 21, 31, 33:
            // SELECT itself, function calls, recursive CTEs.
            return true
        default:
            // PRAGMA, transactions and savepoints, ATTACH, DETACH, virtual tables.
            return false
        }
    }

    /// Whether the C string `name` is one of the namespace's objects: the prefix (ASCII
    /// letters compared without case, as SQLite compares names) and at least one more byte.
    private func owns(_ name: UnsafePointer<CChar>?) -> Bool {
        guard let name, Self.startsWith(name, prefix) else { return false }
        return name[prefix.count] != 0
    }

    /// Whether `name` starts with the lowercase bytes `start`, ASCII case aside.
    private static func startsWith(_ name: UnsafePointer<CChar>, _ start: [UInt8]) -> Bool {
        for (index, expected) in start.enumerated() {
            let byte = UInt8(bitPattern: name[index])
            guard byte != 0, (65...90).contains(byte) ? byte + 32 == expected : byte == expected else { return false }
        }
        return true
    }

    /// Whether `name` is one of `names` (lowercase bytes), ASCII case aside.
    private static func isOne(of names: [[UInt8]], _ name: UnsafePointer<CChar>?) -> Bool {
        guard let name else { return false }
        return names.contains { startsWith(name, $0) && name[$0.count] == 0 }
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
