public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes log lines to a file handle (standard error by default), each whole line with one
/// `write(2)`, so lines from different threads never interleave (a write of one line to a
/// pipe or an append-mode file is not split) and no lock is shared between the threads that
/// log — the access log writes a line per request from every server thread.
public final class StreamLogSink: LogSink {
    /// The least severe level written.
    public let minimumLevel: LogLevel
    /// Text or JSON lines.
    public let format: LogFormat
    private let descriptor: Int32

    /// Creates a sink writing `format` lines at `minimumLevel` and above to `output`.
    public init(minimumLevel: LogLevel, format: LogFormat, output: FileHandle = .standardError) {
        self.minimumLevel = minimumLevel
        self.format = format
        descriptor = output.fileDescriptor
    }

    /// Writes one record as a line; a write the system splits is finished with further writes.
    public func write(_ record: LogRecord) {
        var line = format.line(for: record) + "\n"
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
