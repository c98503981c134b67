public import Foundation
public import PluginKit

/// An event a plugin instance gave up on, kept with why and how often it was tried, until
/// `sentralbord plugins replay-dead INSTANCE` delivers it again.
public struct DeadLetter: Sendable, Equatable {
    /// The instance that gave up.
    public var instance: String
    /// The event, as it was in the log.
    public var event: EventEnvelope
    /// The last error.
    public var reason: String
    /// Tries made.
    public var attempts: Int
    /// When the first and last tries were made.
    public var firstAttemptAt: Date
    /// When the last try was made.
    public var lastAttemptAt: Date

    /// Creates a dead letter.
    public init(instance: String, event: EventEnvelope, reason: String, attempts: Int, firstAttemptAt: Date, lastAttemptAt: Date) {
        self.instance = instance
        self.event = event
        self.reason = reason
        self.attempts = attempts
        self.firstAttemptAt = firstAttemptAt
        self.lastAttemptAt = lastAttemptAt
    }
}
