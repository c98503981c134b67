/// Why the event log refused an append.
public struct EventLogError: Error, Hashable, CustomStringConvertible {
    /// What went wrong, to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case duplicateEventID
        }

        private let value: Value

        /// An event id in the batch is already in the log, or appears twice in the batch.
        /// Nothing of the batch was appended.
        public static let duplicateEventID = Code(value: .duplicateEventID)

        /// The code's name.
        public var description: String {
            switch value {
            case .duplicateEventID: "duplicateEventID"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// The event ids concerned: for a batch that repeats an id, every repeated id; for an
    /// id already in the log, the first such id of the batch.
    public var eventIDs: [String]

    /// Creates an error.
    public init(code: Code, eventIDs: [String]) {
        self.code = code
        self.eventIDs = eventIDs
    }

    /// One sentence for logs.
    public var description: String {
        let ids = eventIDs.map { "\"\($0)\"" }.joined(separator: ", ")
        return "event log refused the batch: duplicate event id \(ids); nothing of the batch was appended"
    }
}
