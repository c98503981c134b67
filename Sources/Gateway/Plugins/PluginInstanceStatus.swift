public import Foundation

/// Where delivery to one plugin instance stands; kept durably so `sentralbord plugins status`
/// can show it from another process, and restored at start.
public struct PluginInstanceStatus: Sendable, Equatable, Codable {
    /// The event being retried, if any.
    public struct Retry: Sendable, Equatable, Codable {
        /// Its log position.
        public var seq: Int64
        /// Its id.
        public var eventId: String
        /// Tries so far.
        public var attempts: Int
        /// The last failure, safe to show.
        public var lastError: String
        /// When the first try was made.
        public var firstAttemptAt: Date
        /// When the next try is due.
        public var nextAttemptAt: Date

        /// Creates a retry record.
        public init(seq: Int64, eventId: String, attempts: Int, lastError: String, firstAttemptAt: Date, nextAttemptAt: Date) {
            self.seq = seq
            self.eventId = eventId
            self.attempts = attempts
            self.lastError = lastError
            self.firstAttemptAt = firstAttemptAt
            self.nextAttemptAt = nextAttemptAt
        }
    }

    /// The instance name.
    public var instance: String
    /// The plugin kind.
    public var kind: String
    /// The last log position handled (delivered, skipped or dead-lettered).
    public var cursor: Int64 = 0
    /// Events delivered.
    public var delivered: Int64 = 0
    /// Events the filter or the plugin skipped.
    public var skipped: Int64 = 0
    /// Events given up on and kept as dead letters.
    public var deadLettered: Int64 = 0
    /// The event being retried, if any.
    public var retrying: Retry?
    /// `closed`, `open` or `half-open`.
    public var breaker = "closed"
    /// When this status was written.
    public var updatedAt = Date(timeIntervalSince1970: 0)

    /// A fresh status at the start of the log.
    public init(instance: String, kind: String) {
        self.instance = instance
        self.kind = kind
    }
}
