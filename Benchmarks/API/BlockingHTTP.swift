import Foundation
import Glibc

/// A keep-alive HTTP/1.1 connection to 127.0.0.1 with blocking sockets, for the seeding and
/// the event generator: one request at a time, responses with a `Content-Length`.
final class BlockingHTTP {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let port: UInt16
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        self.port = port
        try connect()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Sends one request and returns the status and body; reconnects once if the server had
    /// closed the idle connection.
    func request(_ method: String, _ path: String, bearer: String, body: String? = nil) throws -> (status: Int, body: [UInt8]) {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(bearer)\r\n"
        if let body {
            head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        } else {
            head += "Content-Length: 0\r\n\r\n"
        }
        do {
            try send(Array(head.utf8))
            return try readResponse()
        } catch {
            try connect()
            try send(Array(head.utf8))
            return try readResponse()
        }
    }

    private func connect() throws {
        if descriptor >= 0 { close(descriptor) }
        buffer.removeAll()
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = LoopbackAddress.make(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)") }
    }

    private func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "connection closed") }
        buffer.append(contentsOf: chunk[0..<count])
    }

    private func readResponse() throws -> (status: Int, body: [UInt8]) {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: buffer)
            if headEnd == nil { try fill() }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw Failure(description: "bad response head: \(head)") }
        var length = 0
        for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let start = headEnd! + 4
        while buffer.count < start + length { try fill() }
        let body = Array(buffer[start..<start + length])
        buffer.removeFirst(start + length)
        return (status, body)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }
}

/// `sockaddr_in` for 127.0.0.1.
enum LoopbackAddress {
    static func make(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
