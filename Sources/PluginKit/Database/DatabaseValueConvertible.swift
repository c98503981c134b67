public import Foundation

/// A Swift type a column decodes to and a statement binds from. Decoding is strict: a value of
/// another storage class (text where an integer is expected, NULL where a value is required)
/// is an error, never a default.
public protocol DatabaseValueConvertible: Sendable {
    /// The value to bind.
    var databaseValue: DatabaseValue { get }
    /// The Swift value of `value`, or nil when `value` is not of this type.
    static func fromDatabaseValue(_ value: DatabaseValue) -> Self?
    /// What the column must hold, for errors: `text`, `integer`, …
    static var databaseTypeName: String { get }
}

extension String: DatabaseValueConvertible {
    /// `.text`.
    @inlinable
    public var databaseValue: DatabaseValue { .text(self) }
    /// The text of a `.text` value.
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
    /// `text`.
    @inlinable
    public static var databaseTypeName: String { "text" }
}

extension Int64: DatabaseValueConvertible {
    /// `.integer`.
    @inlinable
    public var databaseValue: DatabaseValue { .integer(self) }
    /// The integer of an `.integer` value.
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int64? {
        if case .integer(let integer) = value { return integer }
        return nil
    }
    /// `integer`.
    @inlinable
    public static var databaseTypeName: String { "integer" }
}

extension Int: DatabaseValueConvertible {
    /// `.integer`.
    @inlinable
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    /// The integer of an `.integer` value.
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int? { Int64.fromDatabaseValue(value).map(Int.init) }
    /// `integer`.
    @inlinable
    public static var databaseTypeName: String { "integer" }
}

extension Double: DatabaseValueConvertible {
    /// `.real`.
    @inlinable
    public var databaseValue: DatabaseValue { .real(self) }
    /// The number of a `.real` or `.integer` value (SQLite stores whole reals as integers in
    /// some affinities).
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Double? {
        switch value {
        case .real(let real): real
        case .integer(let integer): Double(integer)
        default: nil
        }
    }
    /// `real`.
    @inlinable
    public static var databaseTypeName: String { "real" }
}

extension Bool: DatabaseValueConvertible {
    /// `.integer` 1 or 0.
    @inlinable
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    /// True for integer 1, false for 0; other values are not booleans.
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Bool? {
        switch value {
        case .integer(1): true
        case .integer(0): false
        default: nil
        }
    }
    /// `boolean (0 or 1)`.
    @inlinable
    public static var databaseTypeName: String { "boolean (0 or 1)" }
}

extension Date: DatabaseValueConvertible {
    /// `.integer` milliseconds since 1970 (UTC), the precision events and ledgers keep.
    @inlinable
    public var databaseValue: DatabaseValue { .integer(millisecondsSince1970) }
    /// The date of an `.integer` number of milliseconds since 1970.
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Date? {
        Int64.fromDatabaseValue(value).map(Date.init(millisecondsSince1970:))
    }
    /// `integer (milliseconds since 1970)`.
    @inlinable
    public static var databaseTypeName: String { "integer (milliseconds since 1970)" }
}

extension Array: DatabaseValueConvertible where Element == UInt8 {
    /// `.blob`.
    @inlinable
    public var databaseValue: DatabaseValue { .blob(self) }
    /// The bytes of a `.blob` value.
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> [UInt8]? {
        if case .blob(let bytes) = value { return bytes }
        return nil
    }
    /// `blob`.
    @inlinable
    public static var databaseTypeName: String { "blob" }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    /// The wrapped value's, or `.null`.
    @inlinable
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
    /// Nil for `.null`, else the wrapped type's decoding (nil-of-nil when that fails).
    @inlinable
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Wrapped?? {
        if value == .null { return .some(nil) }
        return Wrapped.fromDatabaseValue(value).map { .some($0) }
    }
    /// The wrapped type's, or NULL.
    @inlinable
    public static var databaseTypeName: String { "\(Wrapped.databaseTypeName) or NULL" }
}
