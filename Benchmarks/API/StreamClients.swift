import CShims
import Foundation
import Glibc

/// Many Server-Sent-Events clients of `GET /api/v1/events` on one thread: non-blocking
/// sockets in one epoll set. Each client decodes the chunked body just enough to read
/// every event's `id:` (the log seq) and the `occurredAt` in its `data:`, and notes when the
/// read that completed the event returned. (epoll, not poll(2): with a thousand sockets
/// becoming readable a few at a time, scanning all of them on every wake-up cost the client
/// more than reading.)
///
/// `@unchecked Sendable`: the stream benchmark runs each instance on one thread of its own,
/// handing it over only at that thread's start and end.
final class StreamClients: @unchecked Sendable {
    /// One received event.
    struct Arrival {
        let seq: Int64
        /// Wall-clock receive time, nanoseconds since 1970.
        let receivedAt: Int64
        /// The event's `occurredAt`, milliseconds since 1970 (0 if it could not be read).
        let occurredAt: Int64
    }

    private final class Client {
        let descriptor: Int32
        var headerDone = false
        var header: [UInt8] = []
        var connected = false
        /// Chunked decoding: bytes left in the current chunk, or -1 while reading a size line.
        var chunkLeft = -1
        var sizeLine: [UInt8] = []
        /// The CRLF after a chunk's data still to skip.
        var skipCRLF = 0
        var line: [UInt8] = []
        var seq: Int64 = -1
        var occurredAt: Int64 = 0
        var events = 0
        /// Whether the client reads `occurredAt` (a sample of the clients does; finding it in
        /// every envelope cost the client as much as the rest of its reading).
        let readsOccurredAt: Bool

        init(descriptor: Int32, readsOccurredAt: Bool) {
            self.descriptor = descriptor
            self.readsOccurredAt = readsOccurredAt
        }
    }

    private let port: UInt16
    private let bearer: String
    private var clients: [Client] = []
    private let epoll = sentralbord_epoll_create()
    private var readyTokens = [UInt64](repeating: 0, count: 64)
    private var readyEvents = [UInt32](repeating: 0, count: 64)
    /// Every client's arrivals, in order, for the run's statistics.
    private(set) var arrivals: [Arrival] = []
    private(set) var failures = 0
    private var recording = false

    private let samplesOccurredAt: Bool

    /// Clients of `port` with `bearer`; if `samplesOccurredAt`, the first
    /// ``occurredAtSample`` of them read each event's `occurredAt`.
    init(port: UInt16, bearer: String, samplesOccurredAt: Bool) {
        self.port = port
        self.bearer = bearer
        self.samplesOccurredAt = samplesOccurredAt
    }

    deinit {
        for client in clients { close(client.descriptor) }
        close(epoll)
    }

    /// Clients whose response head (200) and preamble arrived.
    var connectedCount: Int { clients.count { $0.connected } }

    /// Events received per client: the smallest and largest count.
    var eventsPerClient: (min: Int, max: Int) {
        (clients.map(\.events).min() ?? 0, clients.map(\.events).max() ?? 0)
    }

    /// Opens `count` connections and sends each its request; reads until every one is
    /// connected or `timeout` seconds have passed.
    func connect(count: Int, timeout: Double) {
        let request = Array(
            "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(bearer)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        for _ in 0..<count {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else {
                failures += 1
                continue
            }
            var address = LoopbackAddress.make(port: port)
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            // Blocking connect and send (loopback, small request), then non-blocking reads.
            guard result == 0, request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
                close(descriptor)
                failures += 1
                continue
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            let client = Client(descriptor: descriptor, readsOccurredAt: samplesOccurredAt && clients.count < Self.occurredAtSample)
            guard sentralbord_epoll_update(epoll, 0, descriptor, UInt32(SENTRALBORD_POLL_READABLE), UInt64(clients.count)) == 0 else {
                close(descriptor)
                failures += 1
                continue
            }
            clients.append(client)
            if clients.count % 100 == 0 { poll(until: now() + 1_000_000) }
        }
        let deadline = now() + Int64(timeout * 1e9)
        while connectedCount < clients.count, now() < deadline {
            poll(until: min(deadline, now() + 100_000_000))
        }
    }

    /// Reads and records events until `deadline` (ns since 1970).
    func run(until deadline: Int64) {
        recording = true
        while now() < deadline { poll(until: deadline) }
    }

    private var readBuffer = [UInt8](repeating: 0, count: 256 * 1024)

    private func poll(until deadline: Int64) {
        let timeoutMs = Int32(max(0, min(100, (deadline - now()) / 1_000_000)))
        let ready = sentralbord_epoll_wait(epoll, &readyTokens, &readyEvents, 64, timeoutMs)
        for token in readyTokens.prefix(Int(max(0, ready))) {
            let client = clients[Int(token)]
            while true {
                let count = readBuffer.withUnsafeMutableBytes { recv(client.descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    let receivedAt = now()
                    readBuffer.withUnsafeBufferPointer { consume(client, UnsafeBufferPointer(rebasing: $0[0..<count]), at: receivedAt) }
                    if count < readBuffer.count { break }
                } else {
                    if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                        _ = sentralbord_epoll_update(epoll, 2, client.descriptor, 0, token)
                        if client.connected { failures += 1 }
                        client.connected = false
                    }
                    break
                }
            }
        }
    }

    private func consume(_ client: Client, _ bytes: UnsafeBufferPointer<UInt8>, at receivedAt: Int64) {
        var index = 0
        if !client.headerDone {
            while index < bytes.count, !client.headerDone {
                client.header.append(bytes[index])
                index += 1
                if client.header.count >= 4, client.header.suffix(4).elementsEqual([13, 10, 13, 10]) {
                    client.headerDone = true
                    if !client.header.starts(with: Array("HTTP/1.1 200".utf8)) { failures += 1 }
                }
            }
        }
        while index < bytes.count {
            if client.skipCRLF > 0 {
                client.skipCRLF -= 1
                index += 1
            } else if client.chunkLeft < 0 {
                let byte = bytes[index]
                index += 1
                if byte == 10 {
                    let text = String(decoding: client.sizeLine, as: UTF8.self).split(separator: ";").first ?? ""
                    client.chunkLeft = Int(text.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) ?? 0
                    client.sizeLine.removeAll(keepingCapacity: true)
                    if client.chunkLeft == 0 { client.skipCRLF = 2 }
                } else {
                    client.sizeLine.append(byte)
                }
            } else {
                let take = min(client.chunkLeft, bytes.count - index)
                lines(client, UnsafeBufferPointer(rebasing: bytes[index..<index + take]), at: receivedAt)
                index += take
                client.chunkLeft -= take
                if client.chunkLeft == 0 {
                    client.chunkLeft = -1
                    client.skipCRLF = 2
                }
            }
        }
    }

    /// Splits body bytes into SSE lines; a line complete within `bytes` is read in place.
    private func lines(_ client: Client, _ bytes: UnsafeBufferPointer<UInt8>, at receivedAt: Int64) {
        var start = 0
        while start < bytes.count {
            guard let found = memchr(bytes.baseAddress! + start, 10, bytes.count - start) else {
                client.line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
                return
            }
            let end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if client.line.isEmpty {
                line(client, UnsafeBufferPointer(rebasing: bytes[start..<end]), at: receivedAt)
            } else {
                client.line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                let whole = client.line
                client.line.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { line(client, $0, at: receivedAt) }
            }
            start = end + 1
        }
    }

    /// How many clients read each event's `occurredAt`.
    static let occurredAtSample = 10
    private static let idPrefix = Array("id: ".utf8)
    private static let dataPrefix = Array("data: ".utf8)
    private static let occurredKey = Array("\"occurredAt\":\"".utf8)

    private func line(_ client: Client, _ line: UnsafeBufferPointer<UInt8>, at receivedAt: Int64) {
        if line.isEmpty {
            if client.seq >= 0 {
                client.events += 1
                if recording { arrivals.append(Arrival(seq: client.seq, receivedAt: receivedAt, occurredAt: client.occurredAt)) }
            } else if !client.connected {
                // The preamble (`retry:` and a comment) ends with the first empty line.
                client.connected = true
            }
            client.seq = -1
            client.occurredAt = 0
        } else if line.starts(with: Self.idPrefix) {
            var seq: Int64 = 0
            for byte in line[Self.idPrefix.count...] {
                guard byte >= 48, byte <= 57 else {
                    seq = -1
                    break
                }
                seq = seq * 10 + Int64(byte - 48)
            }
            client.seq = seq
        } else if client.readsOccurredAt, line.starts(with: Self.dataPrefix) {
            guard let found = Self.find(Self.occurredKey, in: line) else { return }
            client.occurredAt = RFC3339.milliseconds(UnsafeBufferPointer(rebasing: line[(found + Self.occurredKey.count)...])) ?? 0
        }
    }
}

extension StreamClients {
    /// Where `needle` first occurs in `line` (memchr for its first byte, then a comparison).
    static func find(_ needle: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        while start + needle.count <= line.count {
            guard let hit = memchr(line.baseAddress! + start, Int32(needle[0]), line.count - start - needle.count + 1) else { return nil }
            let index = line.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if UnsafeBufferPointer(rebasing: line[index..<index + needle.count]).elementsEqual(needle) { return index }
            start = index + 1
        }
        return nil
    }
}

/// Wall-clock time in nanoseconds since 1970.
func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}

/// `2026-11-25T15:40:50.123Z` to milliseconds since 1970.
enum RFC3339 {
    static func milliseconds(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard text.count >= 20 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int64 {
            var value: Int64 = 0
            for index in from..<from + count { value = value * 10 + Int64(text[index] &- 48) }
            return value
        }
        let year = number(0, 4), month = number(5, 2), day = number(8, 2)
        let seconds = number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2)
        var millis: Int64 = 0
        if text[19] == UInt8(ascii: ".") {
            var index = 20
            var scale: Int64 = 100
            while index < text.count, text[index] >= 48, text[index] <= 57 {
                millis += Int64(text[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (days * 86_400 + seconds) * 1000 + millis
    }
}
