import CShims
public import Foundation
import Glibc
import Synchronization

/// The connection of a pushed response body, which the application writes to directly.
///
/// libmicrohttpd sends the response head and the preamble, then the server suspends the
/// connection (libmicrohttpd neither reads nor writes a suspended connection) and
/// ``write(_:)`` sends each chunk with one `sendmsg` on the socket, from the caller's thread:
/// no task, no server thread and no resume per write. The server's stream poller watches the
/// socket for the client going away and, while a client is slow, for room to send what it
/// could not take at once. When the stream ends, the connection goes back to libmicrohttpd,
/// which ends the body properly (the last chunk) or closes the connection.
///
/// A client that leaves more than the backlog limit unread is ended; it can reconnect and
/// resume (for an event stream, with `Last-Event-ID`).
public final class HTTPPushStream: Sendable, StreamedBody {
    private enum Phase {
        /// libmicrohttpd is sending the head and the preamble.
        case preamble
        /// The application writes to `socket`.
        case attached(socket: Int32)
        /// Finished: the backlog is still being sent, then the connection goes back.
        case finishing(socket: Int32)
        /// libmicrohttpd has the connection again and ends the body, cleanly or not.
        case handedBack(clean: Bool)
        /// libmicrohttpd is done with the connection.
        case closed
    }

    private struct State {
        var phase = Phase.preamble
        var preambleOffset = 0
        /// Finished (or the server stopping) before the preamble was sent.
        var finishRequested = false
        /// Framed bytes the socket has not taken yet.
        var backlog = Data()
        var bytesSent = 0
        var token: UInt64?
    }

    /// `MHD_CONTENT_READER_END_OF_STREAM` and `..._END_WITH_ERROR`, which do not import.
    static let endOfStream = -1
    static let endWithError = -2

    private let preamble: Data
    private let subscriber: any HTTPPushSubscriber
    private let connection: ConnectionHandle
    private let chunked: Bool
    private let poller: PushStreamPoller
    private let backlogLimit: Int
    private let state = Mutex(State())

    init(
        preamble: Data, subscriber: any HTTPPushSubscriber, connection: ConnectionHandle, chunked: Bool,
        poller: PushStreamPoller, backlogLimit: Int
    ) {
        self.preamble = preamble
        self.subscriber = subscriber
        self.connection = connection
        self.chunked = chunked
        self.poller = poller
        self.backlogLimit = backlogLimit
    }

    /// The body bytes written so far, the preamble included and chunk framing not (bytes
    /// still in the backlog count).
    public var bytesSent: Int {
        state.withLock { $0.bytesSent }
    }

    /// Bytes written but not yet taken by the client's socket (framing included).
    public var backlogBytes: Int {
        state.withLock { $0.backlog.count }
    }

    /// Whether writes still reach the client.
    public var isOpen: Bool {
        state.withLock { state in
            if case .attached = state.phase { return true }
            return false
        }
    }

    /// Sends `data` as the next part of the body, at once if the socket takes it, else after
    /// what is already waiting. Returns false when the stream is over (nothing is sent then).
    /// An empty `data` sends nothing.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        let (open, ended) = state.withLock { state -> (Bool, Bool) in
            guard case .attached(let socket) = state.phase else { return (false, false) }
            guard !data.isEmpty else { return (true, false) }
            state.bytesSent += data.count
            if !state.backlog.isEmpty {
                append(data, to: &state.backlog, from: 0)
                if state.backlog.count > backlogLimit {
                    return (false, handBack(&state, clean: false))
                }
                return (true, false)
            }
            let (sent, framed) = send(data, on: socket)
            guard sent >= 0 || errno == EAGAIN || errno == EWOULDBLOCK else {
                return (false, handBack(&state, clean: false))
            }
            if sent < framed {
                append(data, to: &state.backlog, from: max(0, sent))
                if let token = state.token { poller.watch(socket, token: token, writable: true) }
            }
            return (true, false)
        }
        if ended { subscriber.ended(self) }
        return open
    }

    /// Ends the body after everything written so far has been sent.
    public func finish() {
        end(flush: true)
    }

    // MARK: Server side

    func end(flush: Bool) {
        let ended = state.withLock { state -> Bool in
            switch state.phase {
            case .preamble:
                state.finishRequested = true
                return false
            case .attached(let socket) where flush && !state.backlog.isEmpty:
                state.phase = .finishing(socket: socket)
                return false
            case .attached, .finishing:
                return handBack(&state, clean: flush)
            case .handedBack, .closed:
                return false
            }
        }
        if ended { subscriber.ended(self) }
    }

    func close() {
        let ended = state.withLock { state -> Bool in
            defer { state.phase = .closed }
            switch state.phase {
            case .attached(let socket), .finishing(let socket):
                // Not expected (the server hands every stream back before stopping the daemon),
                // but the poller must not keep a socket libmicrohttpd is closing.
                if let token = state.token { poller.remove(socket, token: token) }
                return true
            case .preamble, .handedBack, .closed:
                return false
            }
        }
        if ended { subscriber.ended(self) }
    }

    /// libmicrohttpd's content reader: the preamble, then (suspending the connection and
    /// attaching the subscriber) nothing until the stream is handed back, then the end.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        enum Step {
            case copied(Int)
            case attach
            case end(Int)
        }
        let step = state.withLock { state -> Step in
            switch state.phase {
            case .preamble where state.preambleOffset < preamble.count:
                let count = min(capacity, preamble.count - state.preambleOffset)
                preamble.withUnsafeBytes { bytes in
                    buffer.copyMemory(from: bytes.baseAddress! + state.preambleOffset, byteCount: count)
                }
                state.preambleOffset += count
                state.bytesSent += count
                return .copied(count)
            case .preamble:
                // libmicrohttpd asks for more only once everything before is sent, so the
                // socket is ours to write from here on.
                let socket = sentralbord_mhd_connection_socket(connection.pointer)
                guard !state.finishRequested, socket >= 0 else {
                    state.phase = .handedBack(clean: socket >= 0)
                    return .end(socket >= 0 ? Self.endOfStream : Self.endWithError)
                }
                connection.suspend()
                // Each write is a whole batch: send it now, not after the client's delayed ACK
                // of the one before (Nagle).
                var noDelay: Int32 = 1
                _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                state.phase = .attached(socket: socket)
                state.token = poller.add(self, socket: socket)
                return .attach
            case .attached, .finishing:
                return .copied(0)
            case .handedBack(let clean):
                return .end(clean ? Self.endOfStream : Self.endWithError)
            case .closed:
                return .end(Self.endWithError)
            }
        }
        switch step {
        case .copied(let count):
            return count
        case .attach:
            subscriber.attached(to: self)
            return 0
        case .end(let code):
            return code
        }
    }

    /// The poller saw room in the socket's send buffer: sends the backlog.
    func socketWritable() {
        let ended = state.withLock { state -> Bool in
            let socket: Int32
            switch state.phase {
            case .attached(let attached), .finishing(let attached):
                socket = attached
            case .preamble, .handedBack, .closed:
                return false
            }
            let sent = state.backlog.withUnsafeBytes { bytes in
                sentralbord_send_parts(socket, bytes.baseAddress, bytes.count, nil, 0, nil, 0)
            }
            if sent < 0 {
                guard errno == EAGAIN || errno == EWOULDBLOCK else { return handBack(&state, clean: false) }
                return false
            }
            state.backlog.removeFirst(sent)
            guard state.backlog.isEmpty else { return false }
            state.backlog = Data()
            if case .finishing = state.phase { return handBack(&state, clean: true) }
            if let token = state.token { poller.watch(socket, token: token, writable: false) }
            return false
        }
        if ended { subscriber.ended(self) }
    }

    /// The poller saw the client close the connection or an error on it.
    func peerGone() {
        let ended = state.withLock { handBack(&$0, clean: false) }
        if ended { subscriber.ended(self) }
    }

    // MARK: Helpers

    /// Gives the connection back to libmicrohttpd: it calls the reader again, which ends the
    /// body (`clean`) or closes the connection. Returns whether the subscriber is to be told.
    private func handBack(_ state: inout State, clean: Bool) -> Bool {
        switch state.phase {
        case .attached(let socket), .finishing(let socket):
            if let token = state.token { poller.remove(socket, token: token) }
            state.phase = .handedBack(clean: clean)
            state.backlog = Data()
            connection.resume()
            return true
        case .preamble, .handedBack, .closed:
            return false
        }
    }

    /// Sends `data` framed as one chunk with one `sendmsg`: the bytes sent (or -1) and the
    /// bytes framed.
    private func send(_ data: Data, on socket: Int32) -> (sent: Int, framed: Int) {
        data.withUnsafeBytes { payload in
            guard chunked else {
                return (sentralbord_send_parts(socket, nil, 0, payload.baseAddress, payload.count, nil, 0), payload.count)
            }
            // The size line on the stack: hex digits of a 64-bit count, CR, LF.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { header in
                var digits = 0
                var rest = payload.count
                repeat {
                    digits += 1
                    rest >>= 4
                } while rest > 0
                for index in 0..<digits {
                    header[index] = Self.hexDigits[(payload.count >> (4 * (digits - 1 - index))) & 0xF]
                }
                header[digits] = 13
                header[digits + 1] = 10
                let sent = Self.chunkTrailer.withUnsafeBytes { trailer in
                    sentralbord_send_parts(socket, header.baseAddress, digits + 2, payload.baseAddress, payload.count, trailer.baseAddress, 2)
                }
                return (sent, digits + 2 + payload.count + 2)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `data` as framed on the wire to `backlog`, less its first `offset` framed bytes
    /// (those the socket took).
    private func append(_ data: Data, to backlog: inout Data, from offset: Int) {
        var framed = chunked ? Self.chunkHeader(data.count) : []
        let headerCount = framed.count
        if offset < headerCount {
            backlog.append(contentsOf: framed[offset...])
            backlog.append(data)
        } else {
            backlog.append(data.dropFirst(offset - headerCount))
        }
        if chunked {
            framed = Self.chunkTrailer
            let trailerOffset = max(0, offset - headerCount - data.count)
            backlog.append(contentsOf: framed[trailerOffset...])
        }
    }

    private static let chunkTrailer: [UInt8] = [13, 10]

    private static func chunkHeader(_ count: Int) -> [UInt8] {
        Array(String(count, radix: 16).utf8) + [13, 10]
    }
}
