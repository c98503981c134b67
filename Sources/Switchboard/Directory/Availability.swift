/// A user's status with an optional end (AV-1): when `until` passes, the engine sets the
/// user back to Available (cause `expired`).
public struct Availability: Sendable, Hashable, Codable {
    /// The status shown on the user's card.
    public var status: AvailabilityStatus
    /// When the status ends by itself; nil for "until changed".
    public var until: Timestamp?

    /// A status, optionally until a time.
    public init(_ status: AvailabilityStatus, until: Timestamp? = nil) {
        self.status = status
        self.until = until
    }

    /// Available, with no end.
    public static let available = Availability(.available)
}
