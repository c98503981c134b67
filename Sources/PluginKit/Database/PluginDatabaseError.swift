/// Why a plugin's database read or write failed.
public enum PluginDatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The row has no column of that name (the query did not select it).
    case missingColumn(String, available: [String])
    /// The column holds another type than asked for (or NULL where a value is required).
    case wrongType(column: String, expected: String, found: DatabaseValue)
    /// The statement touches a table outside the plugin's namespace, or does something a
    /// plugin may not (attach a database, change a pragma, end the host's transaction).
    case notAuthorized(String)
    /// A row of another company than the request's came back through a company's handle.
    case otherCompany(column: String)
    /// The database refused or failed the statement (its message; never bound values).
    case failed(String)

    /// One sentence for logs; bound values and row contents are never part of it.
    public var description: String {
        switch self {
        case .missingColumn(let column, let available):
            "the row has no column \"\(column)\" (it has \(available.joined(separator: ", ")))"
        case .wrongType(let column, let expected, let found):
            "column \"\(column)\" holds \(Self.storageClass(of: found)), expected \(expected)"
        case .notAuthorized(let what): "not authorized: \(what)"
        case .otherCompany(let column): "a row of another company came back (column \"\(column)\")"
        case .failed(let message): message
        }
    }

    private static func storageClass(of value: DatabaseValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer: "an integer"
        case .real: "a real"
        case .text: "text"
        case .blob: "a blob"
        }
    }
}
