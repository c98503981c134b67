/// Why an iCalendar text could not be used. Bad input changes nothing: the whole text
/// is refused with the first problem found.
public struct CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case malformedCalendar, invalidEvent, unknownTimeZone
        }

        private let base: Base

        /// The text is not a well-formed VCALENDAR (libical reported a syntax error).
        public static let malformedCalendar = Code(base: .malformedCalendar)
        /// A VEVENT lacks what every event needs (UID, DTSTART) or has a bad value.
        public static let invalidEvent = Code(base: .invalidEvent)
        /// The default time zone given by the caller is not a known IANA zone.
        public static let unknownTimeZone = Code(base: .unknownTimeZone)

        /// The code's name, e.g. `malformedCalendar`.
        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and where (event UID or libical's message).
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }
}
