/// Why the engine refused a command. A refused command changes nothing.
///
/// `code` is stable (API problem types and tests match on it); `message` explains the case
/// in English for logs and problem details.
public struct SwitchboardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal, stable across versions.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name, e.g. `unknownCall`.
        public let rawValue: String
        /// A code named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// The directory is, or a change would make it, inconsistent (ids that are malformed or
        /// taken, numbers of two users or queues, members or overflow queues that do not exist).
        public static let invalidDirectory = Code(rawValue: "invalidDirectory")
        /// No user with that id in the company.
        public static let unknownUser = Code(rawValue: "unknownUser")
        /// No queue with that id in the company.
        public static let unknownQueue = Code(rawValue: "unknownQueue")
        /// No call with that id was ever made in the company.
        public static let unknownCall = Code(rawValue: "unknownCall")
        /// The call has ended; only call-log commands apply to it.
        public static let callEnded = Code(rawValue: "callEnded")
        /// The call has no such leg, or the leg has ended.
        public static let unknownLeg = Code(rawValue: "unknownLeg")
        /// A call arrived for a number that is neither a user's nor a queue's.
        public static let unknownNumber = Code(rawValue: "unknownNumber")
        /// The principal may not do this (AV-1, DIR-5, settings of others).
        public static let notAuthorized = Code(rawValue: "notAuthorized")
        /// The user is not a member of the queue (Q-2, WAIT-3, PROF-3).
        public static let notAMember = Code(rawValue: "notAMember")
        /// The user is already logged into the queue.
        public static let alreadyLoggedIn = Code(rawValue: "alreadyLoggedIn")
        /// The user is not logged into the queue.
        public static let notLoggedIn = Code(rawValue: "notLoggedIn")
        /// The call is not in a state that allows the command (e.g. hold a call not connected).
        public static let invalidCallState = Code(rawValue: "invalidCallState")
        /// The user is not the party of the call the command needs (e.g. transfer a call one is not in).
        public static let notInCall = Code(rawValue: "notInCall")
        /// The call or transfer target cannot be used (oneself, a queue for a transfer other than without return).
        public static let invalidTarget = Code(rawValue: "invalidTarget")
        /// The user has no phone number to ring.
        public static let noDevice = Code(rawValue: "noDevice")
        /// The settings refer to something the user does not have.
        public static let invalidSettings = Code(rawValue: "invalidSettings")
        /// The call was answered or is already marked called back (LOG-3).
        public static let notMissed = Code(rawValue: "notMissed")
        /// A comment needs text.
        public static let emptyComment = Code(rawValue: "emptyComment")
        /// A call in progress still needs the user or queue an admin wants to remove (the
        /// user's phone is in it, callers wait in the queue); it can be removed when that ends.
        public static let inUse = Code(rawValue: "inUse")
    }

    /// The kind of refusal.
    public let code: Code
    /// What was wrong, in English.
    public let message: String

    /// An error with a code and an explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
