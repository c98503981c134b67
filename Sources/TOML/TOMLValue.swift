/// A position in a TOML document: 1-based line and column (columns count Unicode scalars).
public struct TOMLPosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, the form used in error messages.
    public var description: String { "\(line):\(column)" }
}

/// A TOML value together with where it was written.
public struct TOMLNode: Sendable, Equatable {
    /// The value.
    public var value: TOMLValue
    /// Where the value starts (for a table: where it was first defined).
    public var position: TOMLPosition

    /// Creates a node.
    public init(_ value: TOMLValue, at position: TOMLPosition) {
        self.value = value
        self.position = position
    }
}

/// Any TOML 1.0 value.
public enum TOMLValue: Sendable, Equatable {
    /// A string, escapes resolved.
    case string(String)
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 binary64 float, including infinities and NaN.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An offset date-time, e.g. `1979-05-27T07:32:00Z`.
    case offsetDateTime(TOMLDate, TOMLTime, offsetMinutes: Int)
    /// A local date-time without offset.
    case localDateTime(TOMLDate, TOMLTime)
    /// A local date.
    case localDate(TOMLDate)
    /// A local time.
    case localTime(TOMLTime)
    /// An array; its elements may have different types.
    case array([TOMLNode])
    /// A table: a `[header]` table, an inline table, a dotted-key table, or an element of an array of tables.
    case table(TOMLTable)

    /// The name of the value's type as a person reads it ("string", "integer", "table", …).
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .offsetDateTime: "offset date-time"
        case .localDateTime: "local date-time"
        case .localDate: "local date"
        case .localTime: "local time"
        case .array: "array"
        case .table: "table"
        }
    }
}

/// A calendar date as written in TOML.
public struct TOMLDate: Sendable, Hashable {
    /// Year, 0…9999.
    public var year: Int
    /// Month, 1…12.
    public var month: Int
    /// Day of month, valid for the month and year.
    public var day: Int

    /// Creates a date; the parser guarantees validity, this initializer does not check.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

/// A time of day as written in TOML.
public struct TOMLTime: Sendable, Hashable {
    /// Hour, 0…23.
    public var hour: Int
    /// Minute, 0…59.
    public var minute: Int
    /// Second, 0…60 (60 only for a leap second).
    public var second: Int
    /// Fractional second in nanoseconds (extra precision is truncated).
    public var nanosecond: Int

    /// Creates a time; the parser guarantees validity, this initializer does not check.
    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }
}

/// A TOML table: keys in the order they were first written, each with its node.
public struct TOMLTable: Sendable, Equatable {
    /// Keys in document order.
    public private(set) var keys: [String] = []
    private var nodes: [String: TOMLNode] = [:]

    /// Creates an empty table.
    public init() {}

    /// The node stored under `key`, if any.
    public subscript(key: String) -> TOMLNode? {
        get { nodes[key] }
        set {
            if let newValue {
                if nodes.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if nodes.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Number of keys.
    public var count: Int { keys.count }

    /// Key/node pairs in document order.
    public var entries: [(key: String, node: TOMLNode)] { keys.map { ($0, nodes[$0]!) } }
}
