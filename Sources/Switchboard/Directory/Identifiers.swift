/// The identifier of a company (tenant), as configured: 1–64 of `a–z`, `0–9`, `-`, `_`.
public struct TenantID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The configured identifier.
    public let rawValue: String
    /// Wraps a configured identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a configured identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The identifier itself.
    public var description: String { rawValue }
    /// Orders by identifier text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// Decodes from the bare identifier string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes as the bare identifier string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The identifier of a user in their company's directory, unique within the company.
public struct UserID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The configured identifier.
    public let rawValue: String
    /// Wraps a configured identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a configured identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The identifier itself.
    public var description: String { rawValue }
    /// Orders by identifier text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// Decodes from the bare identifier string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes as the bare identifier string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The identifier of a call queue, unique within its company.
public struct QueueID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The configured identifier.
    public let rawValue: String
    /// Wraps a configured identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a configured identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The identifier itself.
    public var description: String { rawValue }
    /// Orders by identifier text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// Decodes from the bare identifier string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes as the bare identifier string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
