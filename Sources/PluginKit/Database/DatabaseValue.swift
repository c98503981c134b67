/// A value bound to or read from a database statement, one case per SQLite storage class
/// (what a plugin's ``DatabaseReader`` and ``DatabaseWriter`` bind and read).
///
/// Literals work where a value is expected: `try db.execute(sql, ["alice", 42, 1.5, nil])`.
public enum DatabaseValue: Hashable, Sendable {
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes, stored as they are.
    case blob([UInt8])
    /// SQL NULL.
    case null
}

extension DatabaseValue: ExpressibleByIntegerLiteral {
    /// Creates an `.integer` value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension DatabaseValue: ExpressibleByFloatLiteral {
    /// Creates a `.real` value.
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension DatabaseValue: ExpressibleByStringLiteral {
    /// Creates a `.text` value.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension DatabaseValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) { self = .null }
}
