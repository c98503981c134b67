import Foundation
import Glibc

/// Reads a child's output stream on a thread of its own (a blocking `read` must not hold a
/// thread of the cooperative pool) and hands each line, without its line break, to `line`;
/// `end` runs once at end of output. The thread owns `descriptor` and closes it at the end.
///
/// A line longer than `limit` bytes is handed on in `limit`-byte pieces, so a child that never
/// writes a line break cannot make the gateway buffer without bound.
enum OutputLines {
    /// Starts the reading thread.
    static func read(
        _ descriptor: Int32, name: String, limit: Int,
        line: @escaping @Sendable (String) -> Void, end: @escaping @Sendable () -> Void
    ) {
        let thread = Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for byte in buffer[..<count] {
                    if byte == UInt8(ascii: "\n") {
                        line(text(of: pending))
                        pending.removeAll(keepingCapacity: true)
                    } else {
                        pending.append(byte)
                        if pending.count >= limit {
                            line(text(of: pending))
                            pending.removeAll(keepingCapacity: true)
                        }
                    }
                }
            }
            if !pending.isEmpty { line(text(of: pending)) }
            _ = Glibc.close(descriptor)
            end()
        }
        thread.name = name
        thread.start()
    }

    /// UTF-8 text with a trailing carriage return removed (a child may write CRLF).
    private static func text(of bytes: [UInt8]) -> String {
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes[...]
        return String(decoding: trimmed, as: UTF8.self)
    }
}
