/// What ``SMSService/notify(_:)`` did with a missed-call notice.
public enum MissedCallOutcome: Sendable, Hashable {
    /// Recorded as its own SMS (row id): sent now or when the merge window has passed.
    case recorded(Int64)
    /// Folded into the waiting SMS `into`, which now carries `notices` notices.
    case merged(into: Int64, notices: Int)
    /// Not sent: expired, or over the monthly spend cap (recorded in the ledger and logged).
    case dropped
}
