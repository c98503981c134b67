/// Where log records go. Implementations must be safe to call from any thread.
///
/// Implementation requirements: `write` must not block for long (it runs on request and
/// delivery paths) and must not throw or crash on any record.
public protocol LogSink: Sendable {
    /// The least severe level this sink wants; the logger drops less severe records early.
    var minimumLevel: LogLevel { get }
    /// Writes one record.
    func write(_ record: LogRecord)
}
