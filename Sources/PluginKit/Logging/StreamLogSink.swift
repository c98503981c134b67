public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
/// write(2); the sink's own `write(_:)` hides the bare name.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// write(2); the sink's own `write(_:)` hides the bare name.
private let systemWrite = Darwin.write
#endif

/// Writes log lines to a file handle (standard error by default) from a thread of its own.
///
/// A thread that logs only appends the formatted line to a buffer; the sink's writer thread
/// writes whatever has gathered with one `write(2)` at a time. So a server thread never waits
/// for the disk or for whoever reads the pipe — an append to a log file can block for seconds
/// while the file system commits, which stopped every request (the access log writes a line
/// per request from every server thread) — and lines never interleave. What gathers while the
/// output is stuck is kept up to ``bufferLimit``; lines beyond that are dropped and counted,
/// and a warning says how many once the output moves again.
///
/// While lines keep coming, the writer writes what gathered every 2 ms. Lines at `error` and
/// above are written before `write(_:)` returns, with everything before them. Call
/// ``flush()`` before the process exits. The writer thread lives as long as the process.
public final class StreamLogSink: LogSink, Sendable {
    private struct Pending {
        var bytes: [UInt8] = []
        /// Bytes ever appended, and ever written (or given up on): what ``flush()`` waits for.
        var appended = 0
        var written = 0
        var dropped = 0
        var writing = false
    }

    /// The least severe level written.
    public let minimumLevel: LogLevel
    /// Text or JSON lines.
    public let format: LogFormat
    /// The most bytes kept while the output does not take them.
    public let bufferLimit: Int
    /// Kept so a handle that closes its descriptor when released stays open while the sink lives.
    private let output: FileHandle
    private let pending = Mutex(Pending())
    private let wake = DispatchSemaphore(value: 0)

    /// Creates a sink writing `format` lines at `minimumLevel` and above to `output`.
    public init(minimumLevel: LogLevel, format: LogFormat, output: FileHandle = .standardError, bufferLimit: Int = 8 << 20) {
        self.minimumLevel = minimumLevel
        self.format = format
        self.output = output
        self.bufferLimit = bufferLimit
        let thread = Thread { [self] in
            Thread.current.name = "log-writer"
            run()
        }
        thread.start()
    }

    /// Hands one record's line to the writer thread; for `error` and above, waits until it is
    /// written.
    public func write(_ record: LogRecord) {
        var line: [UInt8] = []
        format.write(record, to: &line)
        line.append(UInt8(ascii: "\n"))
        let signal = pending.withLock { pending in
            guard pending.bytes.count + line.count <= bufferLimit else {
                pending.dropped += 1
                return false
            }
            pending.bytes += line
            pending.appended += line.count
            defer { pending.writing = true }
            return !pending.writing
        }
        if signal { wake.signal() }
        if record.level >= .error { flush() }
    }

    /// Returns once every line handed over so far is written (or the output failed).
    public func flush() {
        let target = pending.withLock { $0.appended }
        while pending.withLock({ $0.written < target }) {
            usleep(1000)
        }
    }

    /// How long the writer lets lines gather after each write while lines keep coming.
    private static let gatherMicroseconds: UInt32 = 2000

    private func run() {
        while true {
            wake.wait()
            while true {
                let (bytes, dropped) = pending.withLock { pending -> ([UInt8], Int) in
                    defer {
                        pending.bytes = []
                        pending.dropped = 0
                    }
                    if pending.bytes.isEmpty && pending.dropped == 0 { pending.writing = false }
                    return (pending.bytes, pending.dropped)
                }
                guard !bytes.isEmpty || dropped > 0 else { break }
                writeAll(bytes)
                if dropped > 0 { writeAll(droppedNotice(dropped)) }
                pending.withLock { $0.written += bytes.count }
                // Let lines gather: a writer that went back to waiting after every line cost
                // the logging threads a wake-up (a futex call) per line.
                usleep(Self.gatherMicroseconds)
            }
        }
    }

    /// Writes `bytes`, finishing a write the system splits; gives up on an output error.
    private func writeAll(_ bytes: [UInt8]) {
        let descriptor = output.fileDescriptor
        bytes.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    private func droppedNotice(_ count: Int) -> [UInt8] {
        var line: [UInt8] = []
        format.write(
            LogRecord(
                timestamp: Date(), level: .warning, label: "log",
                message: "\(count) log lines dropped: the output did not take them in time", metadata: [:]),
            to: &line)
        line.append(UInt8(ascii: "\n"))
        return line
    }
}
