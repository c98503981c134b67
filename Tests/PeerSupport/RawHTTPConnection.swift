public import Foundation
import Glibc

/// Runs blocking work (raw sockets) on its own thread, so it never occupies the cooperative
/// pool that the server's handlers need.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A failure of the raw test client, with the system's reason.
public struct RawHTTPError: Error, CustomStringConvertible {
    /// What failed.
    public let description: String
    /// The system's error number, if any.
    public let errorNumber: Int32?

    /// Creates an error.
    public init(_ description: String, errorNumber: Int32? = nil) {
        self.description = description
        self.errorNumber = errorNumber
    }
}

/// A response as the raw client read it.
public struct RawResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields by lowercased name.
    public var headers: [String: String]
    /// The body.
    public var body: Data
    /// For chunked bodies: each chunk and when it arrived.
    public var chunks: [(data: Data, arrival: ContinuousClock.Instant)]
}

/// A blocking HTTP/1.1 client over one TCP connection to 127.0.0.1, for what URLSession cannot
/// show: connection reuse, chunked uploads, chunk timing, early answers.
public final class RawHTTPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads time out after `timeoutSeconds`.
    public init(port: Int, timeoutSeconds: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw RawHTTPError("socket failed", errorNumber: errno)
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let number = errno
            close(descriptor)
            throw RawHTTPError("connect failed: \(String(cString: strerror(number)))", errorNumber: number)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends `text` as UTF-8.
    public func send(_ text: String) throws {
        try send(Data(text.utf8))
    }

    /// Sends `data`.
    public func send(_ data: Data) throws {
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = Glibc.send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else {
                    throw RawHTTPError("send failed", errorNumber: errno)
                }
                offset += sent
            }
        }
    }

    /// Reads one response: status line, headers, and a body framed by Content-Length,
    /// chunked encoding, or the end of the connection.
    public func readResponse(bodyExpected: Bool = true) throws -> RawResponse {
        let head = try readHead()
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError("bad status line in \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var response = RawResponse(status: status, headers: headers, body: Data(), chunks: [])
        if !bodyExpected {
            return response
        }
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                guard let sizeLine = try readLine(), let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
                    throw RawHTTPError("bad chunk size")
                }
                if size == 0 {
                    _ = try readLine()
                    break
                }
                let chunk = try readExactly(size)
                response.chunks.append((chunk, ContinuousClock.now))
                response.body.append(chunk)
                _ = try readLine()
            }
        } else if let length = headers["content-length"].flatMap(Int.init) {
            response.body = try readExactly(length)
        } else {
            while try fill() {}
            response.body = Data(buffer)
            buffer.removeAll()
        }
        return response
    }

    /// Whether the server closed the connection (a read returns end of file).
    public func isClosedByPeer() throws -> Bool {
        buffer.isEmpty ? !(try fill()) : false
    }

    /// Whether the server closes the connection, whatever else it still sends first (read and
    /// discarded); a read timeout throws.
    public func closesAfterDiscardingTheRest() throws -> Bool {
        buffer.removeAll()
        while try fill() { buffer.removeAll() }
        return true
    }

    /// The next chunk of a chunked body whose head ``readResponse(bodyExpected:)`` read;
    /// nil at the body's end.
    public func nextChunk() throws -> Data? {
        guard let sizeLine = try readLine(), let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
            throw RawHTTPError("bad chunk size")
        }
        if size == 0 {
            _ = try readLine()
            return nil
        }
        let chunk = try readExactly(size)
        _ = try readLine()
        return chunk
    }

    private func readHead() throws -> String {
        while true {
            if let end = findHeadEnd() {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                return head
            }
            guard try fill() else {
                throw RawHTTPError("connection closed before a response")
            }
        }
    }

    private func findHeadEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func readLine() throws -> String? {
        while true {
            if let index = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<index], as: UTF8.self).trimmingCharacters(in: .newlines)
                buffer.removeFirst(index + 1)
                return line
            }
            guard try fill() else { return nil }
        }
    }

    private func readExactly(_ count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else {
                throw RawHTTPError("connection closed inside a body")
            }
        }
        let data = Data(buffer[..<count])
        buffer.removeFirst(count)
        return data
    }

    /// Reads more bytes; `false` at end of file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        if count < 0 {
            let number = errno
            if number == ECONNRESET {
                return false
            }
            throw RawHTTPError("recv failed: \(String(cString: strerror(number)))", errorNumber: number)
        }
        buffer.append(contentsOf: chunk[..<count])
        return count > 0
    }
}
