/// Why a text cannot be quoted (and so cannot be sent): the message says exactly what to change.
public struct SMSQuoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, stable for callers (the HTTP API maps it to a problem type).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case empty, tooLong, invalidPartLimit, invalidPrice
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The text has no characters.
        public static let empty = Code(.empty)
        /// The text needs more parts than the limit allows.
        public static let tooLong = Code(.tooLong)
        /// The part limit is outside 1…255.
        public static let invalidPartLimit = Code(.invalidPartLimit)
        /// The unit price is negative.
        public static let invalidPrice = Code(.invalidPrice)

        /// `empty`, `tooLong`, `invalidPartLimit` or `invalidPrice`.
        public var description: String { base.rawValue }
    }

    /// What is wrong.
    public let code: Code
    /// A sentence for the user.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
