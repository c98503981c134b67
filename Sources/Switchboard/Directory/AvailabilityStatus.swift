/// A user's availability status (AV-1): Available (Ledig) and the other statuses a company
/// uses. Extensible: any other lowercase name is a valid custom status; only `available`
/// counts as available.
public struct AvailabilityStatus: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The status's stable name, e.g. `inMeeting`.
    public let rawValue: String

    /// A status named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Available (Ledig): the only status in which the personal assistant stays silent and
    /// the one PROF-9 logs users back into their queues for.
    public static let available = AvailabilityStatus(rawValue: "available")
    /// Busy.
    public static let busy = AvailabilityStatus(rawValue: "busy")
    /// In a meeting.
    public static let inMeeting = AvailabilityStatus(rawValue: "inMeeting")
    /// Away.
    public static let away = AvailabilityStatus(rawValue: "away")
    /// Off work.
    public static let offWork = AvailabilityStatus(rawValue: "offWork")

    /// True only for `available`.
    public var isAvailable: Bool { self == .available }

    /// The status's name.
    public var description: String { rawValue }

    /// Decodes from the bare name.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    /// Encodes as the bare name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
