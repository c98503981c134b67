import CMicroHTTPD
import Foundation
import Synchronization

/// Feeds one streamed response body from an ``HTTPBodyProducer`` to libmicrohttpd.
///
/// libmicrohttpd calls ``read(into:capacity:)`` on a connection thread. When no chunk is
/// buffered, the stream starts one `next()` call in a task, suspends the connection and
/// returns 0; the task stores the chunk and resumes the connection, and libmicrohttpd calls
/// again. Suspending and resuming happen under one lock, so a resume never precedes its suspend.
final class ResponseStream: Sendable, StreamedBody {
    private struct State {
        var chunk = Data()
        var offset = 0
        var pulling: Task<Void, Never>?
        var suspended = false
        var ended = false
        var failed = false
        var closed = false
        var bytesSent = 0
    }

    /// `MHD_CONTENT_READER_END_OF_STREAM` and `..._END_WITH_ERROR`, which do not import.
    static let endOfStream = -1
    static let endWithError = -2

    private let producer: any HTTPBodyProducer
    private let connection: ConnectionHandle
    private let state = Mutex(State())

    init(producer: any HTTPBodyProducer, connection: ConnectionHandle) {
        self.producer = producer
        self.connection = connection
    }

    /// The body bytes handed to libmicrohttpd so far.
    var bytesSent: Int {
        state.withLock { $0.bytesSent }
    }

    /// Copies buffered bytes into `buffer`, or reports the end, or suspends the connection until
    /// the producer has the next chunk (returning 0).
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        state.withLock { state in
            if state.offset < state.chunk.count {
                let count = min(capacity, state.chunk.count - state.offset)
                state.chunk.withUnsafeBytes { bytes in
                    buffer.copyMemory(from: bytes.baseAddress! + state.offset, byteCount: count)
                }
                state.offset += count
                state.bytesSent += count
                return count
            }
            if state.failed {
                return Self.endWithError
            }
            if state.ended {
                return Self.endOfStream
            }
            if state.pulling == nil {
                state.pulling = Task { await self.pull() }
            }
            state.suspended = true
            connection.suspend()
            return 0
        }
    }

    /// Ends the body after the bytes already buffered (server shutdown; libmicrohttpd takes
    /// them at once, so `flush` makes no difference); a pending `next()` is cancelled and its
    /// result dropped.
    func end(flush: Bool) {
        state.withLock { state in
            state.ended = true
            state.pulling?.cancel()
            resumeIfSuspended(&state)
        }
    }

    /// Notes that libmicrohttpd is done with the connection: nothing may resume it any more.
    func close() {
        state.withLock { state in
            state.closed = true
            state.pulling?.cancel()
        }
    }

    private func pull() async {
        let result: Result<Data?, any Error>
        do {
            result = .success(try await producer.next())
        } catch {
            result = .failure(error)
        }
        state.withLock { state in
            state.pulling = nil
            guard !state.ended, !state.closed else {
                return
            }
            switch result {
            case .success(let chunk?):
                state.chunk = chunk
                state.offset = 0
            case .success(nil):
                state.ended = true
            case .failure:
                state.failed = true
            }
            resumeIfSuspended(&state)
        }
    }

    private func resumeIfSuspended(_ state: inout State) {
        guard state.suspended, !state.closed else {
            return
        }
        state.suspended = false
        connection.resume()
    }
}
