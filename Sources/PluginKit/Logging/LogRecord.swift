public import Foundation

/// One thing worth logging: when, how important, from which component, what, and structured
/// metadata (values are already strings; never put a secret or an unmasked phone number here).
public struct LogRecord: Sendable {
    /// When the record was made.
    public var timestamp: Date
    /// Its level.
    public var level: LogLevel
    /// The component that logged it, e.g. `http` or `plugin.webhook.crm`.
    public var label: String
    /// A short human sentence; details go in `metadata`.
    public var message: String
    /// Structured fields, written in key order.
    public var metadata: [String: String]

    /// Creates a record.
    public init(timestamp: Date, level: LogLevel, label: String, message: String, metadata: [String: String]) {
        self.timestamp = timestamp
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
    }
}
