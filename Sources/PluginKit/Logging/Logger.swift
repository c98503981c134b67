import Foundation

/// A labelled handle for writing structured log records to a sink.
///
/// Libraries throw rather than log; the gateway and plugins log through the `Logger` their
/// context gives them. Copying a logger and changing its `label` or `metadata` is cheap.
public struct Logger: Sendable {
    /// The component name written with every record.
    public var label: String
    /// Metadata added to every record of this logger (a record's own keys win).
    public var metadata: [String: String]
    /// Where records go.
    public let sink: any LogSink

    /// Creates a logger writing to `sink`.
    public init(label: String, sink: any LogSink, metadata: [String: String] = [:]) {
        self.label = label
        self.sink = sink
        self.metadata = metadata
    }

    /// True when a record at `level` would be written; use it to skip costly message building.
    public func isEnabled(_ level: LogLevel) -> Bool { level >= sink.minimumLevel }

    /// Writes a record at `level` if the sink wants it.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) {
        guard isEnabled(level) else { return }
        // Most loggers carry no metadata of their own; merging into an empty dictionary would
        // still build a new one per record.
        let merged = self.metadata.isEmpty ? metadata : self.metadata.merging(metadata) { _, own in own }
        sink.write(LogRecord(timestamp: Date(), level: level, label: label, message: message(), metadata: merged))
    }

    /// Writes a `trace` record.
    public func trace(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) { log(.trace, message(), metadata) }
    /// Writes a `debug` record.
    public func debug(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) { log(.debug, message(), metadata) }
    /// Writes an `info` record.
    public func info(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) { log(.info, message(), metadata) }
    /// Writes a `notice` record.
    public func notice(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) { log(.notice, message(), metadata) }
    /// Writes a `warning` record.
    public func warning(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) { log(.warning, message(), metadata) }
    /// Writes an `error` record.
    public func error(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) { log(.error, message(), metadata) }

    /// A copy of this logger with another label, e.g. `logger.labelled("plugin.sms")`.
    public func labelled(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }
}
