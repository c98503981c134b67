import Synchronization

/// A sink that keeps every record in memory: the test double for code that logs.
public final class InMemoryLogSink: LogSink {
    /// The least severe level kept.
    public let minimumLevel: LogLevel
    private let storage = Mutex<[LogRecord]>([])

    /// Creates a sink keeping records at `minimumLevel` and above.
    public init(minimumLevel: LogLevel = .trace) {
        self.minimumLevel = minimumLevel
    }

    /// Keeps the record.
    public func write(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }

    /// Every record kept so far, in the order written.
    public var records: [LogRecord] { storage.withLock { $0 } }
}
