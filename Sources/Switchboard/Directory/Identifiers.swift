/// An identifier from the configuration (a company, a user, a queue): 1–64 of `a–z`,
/// `0–9`, `-`, `_`. Each kind is its own type, so a user id can never be passed as a queue
/// id; they share their behaviour through this protocol. Encodes as the bare string.
public protocol ConfiguredIdentifier: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible
where RawValue == String {
    /// Wraps a configured identifier.
    init(rawValue: String)
}

extension ConfiguredIdentifier {
    /// Wraps a configured identifier.
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    /// The identifier itself.
    public var description: String { rawValue }
    /// Orders by identifier text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// True when the identifier is one the configuration accepts: 1–64 of `a–z`, `0–9`,
    /// `-`, `_`, starting with a letter or digit. Identifiers name things in URLs and events.
    public var isWellFormed: Bool {
        let scalars = rawValue.unicodeScalars
        guard (1...64).contains(scalars.count), let first = scalars.first, first != "-", first != "_" else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// The identifier of a company (tenant).
public struct TenantID: ConfiguredIdentifier {
    /// The configured identifier.
    public let rawValue: String
    /// Wraps a configured identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The identifier of a user in their company's directory, unique within the company.
public struct UserID: ConfiguredIdentifier {
    /// The configured identifier.
    public let rawValue: String
    /// Wraps a configured identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The identifier of a call queue, unique within the company.
public struct QueueID: ConfiguredIdentifier {
    /// The configured identifier.
    public let rawValue: String
    /// Wraps a configured identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
}
