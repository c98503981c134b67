/// Why an SMS was not sent, for the API to answer with (each code maps to one problem type).
public struct SMSSendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidText, invalidRecipient, rateLimited, spendCapReached, refused, unavailable
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The text is empty or too long (see ``SMSQuoteError``); HTTP 422.
        public static let invalidText = Code(.invalidText)
        /// The recipient is not an E.164 number; HTTP 422.
        public static let invalidRecipient = Code(.invalidRecipient)
        /// Too many login codes for this number, client or company this hour; HTTP 429.
        public static let rateLimited = Code(.rateLimited)
        /// The company's monthly SMS spend cap would be exceeded; HTTP 402.
        public static let spendCapReached = Code(.spendCapReached)
        /// The provider refused the message for good (not charged); HTTP 422.
        public static let refused = Code(.refused)
        /// The provider could not be reached or asked to wait; the row stays reserved and is
        /// sent by the retry loop; HTTP 503 (or 202 for a caller that accepts "queued").
        public static let unavailable = Code(.unavailable)

        /// The code's name, e.g. `spendCapReached`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for the user; never a secret or a full phone number.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
