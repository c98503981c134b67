public import Foundation
import Synchronization

/// Writes log lines to a file handle (standard error by default), one whole line per write
/// so lines from different threads never interleave.
public final class StreamLogSink: LogSink {
    /// The least severe level written.
    public let minimumLevel: LogLevel
    /// Text or JSON lines.
    public let format: LogFormat
    private let output: Mutex<FileHandle>

    /// Creates a sink writing `format` lines at `minimumLevel` and above to `output`.
    public init(minimumLevel: LogLevel, format: LogFormat, output: FileHandle = .standardError) {
        self.minimumLevel = minimumLevel
        self.format = format
        self.output = Mutex(output)
    }

    /// Writes one record as a line.
    public func write(_ record: LogRecord) {
        let data = Data((format.line(for: record) + "\n").utf8)
        output.withLock { $0.write(data) }
    }
}
