/// Why an SMS is sent: the ledger, the exports and the templates tell purposes apart.
public enum SMSPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// PA-1: a caller pressed nothing; the user is told of the missed call.
    case missedCall = "missed-call"
    /// DIR-2: a user writes to a colleague from the directory.
    case colleague
    /// LOG-3: a user writes to a caller from the call log.
    case caller
    /// PHONE-1: a user writes to any number from the phone.
    case phone
    /// LOGIN-1: a one-time login code.
    case loginCode = "login-code"
}
