import Foundation
import PluginKit
import Synchronization

/// The server's state for one request on one connection, from its request line to the end of
/// its response. libmicrohttpd holds it, retained, in the request's `*req_cls`.
final class RequestContext: Sendable {
    /// Where the request is in its life.
    enum Phase {
        /// The request line is read; the access handler has not been called yet.
        case started
        /// The body is being received.
        case receiving
        /// The connection is suspended while the responder runs.
        case responding(Task<Void, Never>?)
        /// The response is ready; the connection is resumed to queue it.
        case ready(HTTPResponse)
        /// The response is queued.
        case answered(HTTPStatus)
    }

    struct State {
        var phase = Phase.started
        var method: HTTPMethod?
        var headers = HTTPHeaders()
        var body = Data()
        var bodyBytes = 0
        /// Body bytes reserved in the server's ``RequestBodyBudget``; released when the request ends.
        var reservedBodyBytes = 0
        var tooLarge = false
        var responseBytes = 0
        var stream: (any StreamedBody)?
        /// Whether a body of unknown length is sent chunked (HTTP/1.1), else delimited by closing
        /// the connection (HTTP/1.0).
        var chunked = true
    }

    let connection: ConnectionHandle
    let target: String
    /// The path part of the request target, as sent.
    let path: String
    let remoteAddress: String?
    /// The connection's entry in the server's ``ConnectionGuard``.
    let connectionEntry: ConnectionGuard.Entry?
    let started = ContinuousClock.now
    let state = Mutex(State())

    init(connection: ConnectionHandle, target: String, remoteAddress: String?, connectionEntry: ConnectionGuard.Entry?) {
        self.connection = connection
        self.connectionEntry = connectionEntry
        self.target = target
        self.path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(target[..<$0]) } ?? target
        self.remoteAddress = remoteAddress
    }

    /// Stores the responder's answer and resumes the connection, unless the server has already
    /// answered for it at shutdown.
    func finish(with response: HTTPResponse) {
        state.withLock { state in
            guard case .responding = state.phase else {
                return
            }
            state.phase = .ready(response)
            connection.resume()
        }
    }

    /// At the end of the grace period: answers a still-running request with `response`,
    /// cancelling its responder, and ends a streamed response.
    func abandon(answering response: HTTPResponse) {
        let stream = state.withLock { state in
            if case .responding(let task) = state.phase {
                task?.cancel()
                state.phase = .ready(response)
                connection.resume()
            }
            return state.stream
        }
        stream?.end(flush: false)
    }
}
