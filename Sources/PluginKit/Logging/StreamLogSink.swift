public import Foundation
#if canImport(Glibc)
import Glibc
/// write(2); the sink's own `write(_:)` hides the bare name.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// write(2); the sink's own `write(_:)` hides the bare name.
private let systemWrite = Darwin.write
#endif

/// Writes log lines to a file handle (standard error by default), each whole line with one
/// `write(2)`, so lines up to 4 KiB from different threads do not interleave (such a write to
/// a pipe or an append-mode file is not split) and no lock is shared between the threads that
/// log — the access log writes a line per request from every server thread.
public final class StreamLogSink: LogSink {
    /// The least severe level written.
    public let minimumLevel: LogLevel
    /// Text or JSON lines.
    public let format: LogFormat
    /// Kept so a handle that closes its descriptor when released stays open while the sink lives.
    private let output: FileHandle

    /// Creates a sink writing `format` lines at `minimumLevel` and above to `output`.
    public init(minimumLevel: LogLevel, format: LogFormat, output: FileHandle = .standardError) {
        self.minimumLevel = minimumLevel
        self.format = format
        self.output = output
    }

    /// Writes one record as a line; a write the system splits is finished with further writes.
    public func write(_ record: LogRecord) {
        var line: [UInt8] = []
        format.write(record, to: &line)
        line.append(UInt8(ascii: "\n"))
        let descriptor = output.fileDescriptor
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
