import CMicroHTTPD
import CShims
import Foundation
import PluginKit
import Synchronization

/// What the libmicrohttpd callbacks share: the responder, the limits, the access log hook and
/// the requests in flight. libmicrohttpd holds it, retained, as every callback's `cls`.
final class ServerCore: Sendable {
    private struct State {
        var requests: [ObjectIdentifier: RequestContext] = [:]
        var quiescing = false
        var closing = false
    }

    /// What the access handler does for one call.
    private enum Step {
        case proceed
        case refuse
        case answer(HTTPResponse)
        case dispatch(HTTPRequest)
    }

    private let responder: any HTTPResponder
    private let maxBodyBytes: Int
    private let accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)?
    private let pushBacklogLimit: Int
    private let pushPoller = PushStreamPoller()
    private let bodyBudget: RequestBodyBudget
    /// Every connection from accept to close: head deadlines and the per-address cap.
    let connectionGuard: ConnectionGuard
    private let state = Mutex(State())

    init(
        responder: any HTTPResponder, maxBodyBytes: Int, bodyBudget: RequestBodyBudget, connectionGuard: ConnectionGuard,
        pushBacklogLimit: Int, accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)?
    ) {
        self.responder = responder
        self.maxBodyBytes = maxBodyBytes
        self.bodyBudget = bodyBudget
        self.connectionGuard = connectionGuard
        self.pushBacklogLimit = pushBacklogLimit
        self.accessLog = accessLog
    }

    /// Ends the push-stream poller's thread, once the daemon is stopped.
    func stopPoller() {
        pushPoller?.stop()
    }

    /// libmicrohttpd accepted a connection: its guard entry, to keep as the socket context
    /// (nil when the connection was closed at once).
    func connectionStarted(_ connection: ConnectionHandle) -> ConnectionGuard.Entry? {
        connectionGuard.opened(
            socket: sentralbord_mhd_connection_socket(connection.pointer),
            address: sentralbord_mhd_client_address(connection.pointer).flatMap(numericHost(of:)))
    }

    /// libmicrohttpd closed the connection of `entry`.
    func connectionClosed(_ entry: ConnectionGuard.Entry) {
        connectionGuard.closed(entry)
    }

    // MARK: Request life

    /// Creates and registers the context for a request whose request line was just read.
    func begin(connection: ConnectionHandle, target: String, remoteAddress: String?) -> RequestContext {
        let entry = sentralbord_mhd_socket_context(connection.pointer).map {
            Unmanaged<ConnectionGuard.Entry>.fromOpaque($0).takeUnretainedValue()
        }
        let context = RequestContext(connection: connection, target: target, remoteAddress: remoteAddress, connectionEntry: entry)
        state.withLock { $0.requests[ObjectIdentifier(context)] = context }
        return context
    }

    /// One call of the access handler: receive the body, then queue the responder's immediate
    /// answer if it has one, else hand the request to the responder with the connection
    /// suspended, then queue the response.
    func handle(
        _ context: RequestContext, method: String, isHTTP10: Bool, rawTargetLength: Int?, bareLineFeed: Bool,
        upload: UnsafePointer<CChar>?,
        uploadSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        let step = context.state.withLock { state -> Step in
            switch state.phase {
            case .started:
                context.connectionEntry?.headArrived()
                state.method = HTTPMethod(rawValue: method)
                state.chunked = !isHTTP10
                state.headers = requestHeaders(context.connection)
                state.phase = .receiving
                // Every refusal here is queued before the body is read; libmicrohttpd then
                // closes the connection instead of reading the rest.
                let framing = RequestFraming(state.headers)
                // libmicrohttpd reads the request target as a C string: a NUL in it would cut
                // the path short (`/users/kari\0x` read as `/users/kari`).
                let nulInTarget = rawTargetLength.map { $0 != context.target.utf8.count } ?? false
                let problem =
                    if nulInTarget { "The request target contains a NUL byte." }
                    else if bareLineFeed { "The request line ends with a bare LF; end lines with CR LF." }
                    else if sentralbord_mhd_header_value_has_nul(context.connection.pointer) {
                        "A header value contains a NUL byte, or its line ends with a bare LF instead of CR LF."
                    } else { framing.problem }
                if let problem {
                    return .answer(
                        .problem(
                            ProblemDetails(
                                type: ProblemDetails.typePrefix + "malformed-request", status: .badRequest, detail: problem,
                                instance: context.path)))
                }
                guard framing.hasBody else { return .proceed }
                if let length = framing.contentLength, length > maxBodyBytes {
                    state.tooLarge = true
                    return .answer(tooLargeResponse(instance: context.path))
                }
                let head = HTTPRequest(
                    method: state.method ?? HTTPMethod(rawValue: method), target: context.target, headers: state.headers,
                    body: Data(), remoteAddress: context.remoteAddress)
                if let refusal = responder.refusalBeforeBody(to: head) {
                    return .answer(refusal)
                }
                let declared = framing.contentLength ?? 0
                guard bodyBudget.reserve(declared, for: context.remoteAddress) else {
                    return .answer(busyResponse(instance: context.path))
                }
                state.reservedBodyBytes = declared
                state.body.reserveCapacity(declared)
                return .proceed
            case .receiving where uploadSize.pointee > 0:
                let count = uploadSize.pointee
                uploadSize.pointee = 0
                state.bodyBytes += count
                if state.bodyBytes > maxBodyBytes {
                    // libmicrohttpd cannot queue a response while a body is arriving, so the 413
                    // waits for the end of the body, which is discarded; a body more than twice the
                    // limit is not worth reading and closes the connection.
                    state.tooLarge = true
                    state.body = Data()
                    return state.bodyBytes > 2 * maxBodyBytes ? .refuse : .proceed
                }
                if state.bodyBytes > state.reservedBodyBytes {
                    // A chunked body (or one longer than declared) reserves as it arrives; past
                    // the budget no answer can be queued mid-body, so the connection closes.
                    let more = state.bodyBytes - state.reservedBodyBytes
                    guard bodyBudget.reserve(more, for: context.remoteAddress) else {
                        state.body = Data()
                        return .refuse
                    }
                    state.reservedBodyBytes += more
                }
                if let upload {
                    upload.withMemoryRebound(to: UInt8.self, capacity: count) { state.body.append($0, count: count) }
                }
                return .proceed
            case .receiving where state.tooLarge:
                return .answer(tooLargeResponse(instance: context.path))
            case .receiving:
                state.phase = .responding(nil)
                return .dispatch(
                    HTTPRequest(
                        method: state.method ?? HTTPMethod(rawValue: method), target: context.target,
                        headers: state.headers, body: state.body, remoteAddress: context.remoteAddress))
            case .ready(let response):
                return .answer(response)
            case .responding, .answered:
                return .proceed
            }
        }
        switch step {
        case .proceed:
            return .YES
        case .refuse:
            return .NO
        case .answer(let response):
            return queue(response, for: context)
        case .dispatch(let request):
            return dispatch(request, for: context)
        }
    }

    /// Called once libmicrohttpd is done with a request (sent, failed or aborted): reports it to
    /// the access log and forgets it.
    func complete(_ context: RequestContext, completedNormally: Bool) {
        state.withLock { _ = $0.requests.removeValue(forKey: ObjectIdentifier(context)) }
        releaseBody(of: context)
        context.connectionEntry?.requestEnded()
        let entry = context.state.withLock { state -> HTTPAccessLogEntry? in
            if case .responding(let task) = state.phase {
                task?.cancel()
            }
            state.stream?.close()
            guard let method = state.method else {
                return nil
            }
            let status: HTTPStatus? =
                if case .answered(let status) = state.phase { status } else { nil }
            return HTTPAccessLogEntry(
                method: method, path: context.path, status: status, duration: ContinuousClock.now - context.started,
                requestBodyBytes: state.bodyBytes, responseBodyBytes: state.responseBytes + (state.stream?.bytesSent ?? 0),
                remoteAddress: context.remoteAddress, completedNormally: completedNormally)
        }
        if let entry {
            accessLog?(entry)
        }
    }

    // MARK: Shutdown

    /// The number of requests between their request line and the end of their response.
    var requestsInFlight: Int {
        state.withLock { $0.requests.count }
    }

    /// The number of requests the server has started to answer (or must answer) whose response
    /// is not yet sent; requests still receiving their body are not counted.
    var responsesInFlight: Int {
        let requests = state.withLock { Array($0.requests.values) }
        return requests.count { context in
            context.state.withLock { state in
                switch state.phase {
                case .started, .receiving:
                    false
                case .responding, .ready, .answered:
                    true
                }
            }
        }
    }

    /// Ends every streamed response, now and as they start, and marks every response from now
    /// on with `Connection: close`.
    func quiesce() {
        let requests = state.withLock { state in
            state.quiescing = true
            return Array(state.requests.values)
        }
        for context in requests {
            context.state.withLock { $0.stream }?.end(flush: true)
        }
    }

    /// Answers every request still waiting for its responder with 503 and refuses to start
    /// responders from now on, so that no connection stays suspended when the daemon stops.
    func close() {
        state.withLock { state in
            state.closing = true
            for context in state.requests.values {
                context.abandon(answering: unavailableResponse(instance: context.path))
            }
        }
    }

    // MARK: Steps

    private func dispatch(_ request: HTTPRequest, for context: RequestContext) -> MHD_Result {
        if !state.withLock({ $0.closing }), let response = responder.immediateResponse(to: request) {
            return queue(response, for: context)
        }
        let admitted = state.withLock { state in
            guard !state.closing else {
                return false
            }
            // Suspended before the task exists, so the task's resume cannot come first.
            context.connection.suspend()
            return true
        }
        guard admitted else {
            return queue(unavailableResponse(instance: request.path), for: context)
        }
        let task = Task {
            let response: HTTPResponse
            do {
                response = try await responder.respond(to: request)
            } catch {
                response = .problem(for: error, instance: request.path)
            }
            context.finish(with: response)
        }
        context.state.withLock { state in
            if case .responding = state.phase {
                state.phase = .responding(task)
            }
        }
        return .YES
    }

    /// Gives the request's body bytes back to the budget: once its answer is queued the body
    /// is no longer needed (and an aborted request's is gone). Idempotent.
    private func releaseBody(of context: RequestContext) {
        let reserved = context.state.withLock { state in
            defer {
                state.reservedBodyBytes = 0
                state.body = Data()
            }
            return state.reservedBodyBytes
        }
        bodyBudget.release(reserved, for: context.remoteAddress)
    }

    private func queue(_ response: HTTPResponse, for context: RequestContext) -> MHD_Result {
        releaseBody(of: context)
        let quiescing = state.withLock { $0.quiescing }
        var headers = response.headers
        if quiescing {
            headers["Connection"] = "close"
        }
        // Every answer says its Content-Type is the truth: a browser never sniffs a stored
        // picture or a JSON answer into HTML.
        headers["X-Content-Type-Options"] = "nosniff"
        let made: OpaquePointer?
        var stream: (any StreamedBody)?
        switch response.body {
        case .data(let data):
            made = data.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
            }
            context.state.withLock { $0.responseBytes = data.count }
        case .stream(let producer):
            let newStream = ResponseStream(producer: producer, connection: context.connection)
            stream = newStream
            let retained = Unmanaged.passRetained(newStream)
            made = MHD_create_response_from_callback(UInt64.max, 16 * 1024, readStream, retained.toOpaque(), releaseStream)
            if made == nil {
                retained.release()
            }
        case .push(let preamble, let subscriber):
            guard let pushPoller else {
                return queue(unavailableResponse(instance: context.path), for: context)
            }
            let newStream = HTTPPushStream(
                preamble: preamble, subscriber: subscriber, connection: context.connection,
                chunked: context.state.withLock { $0.chunked }, poller: pushPoller, backlogLimit: pushBacklogLimit)
            stream = newStream
            let retained = Unmanaged.passRetained(newStream)
            made = MHD_create_response_from_callback(UInt64.max, 16 * 1024, readPush, retained.toOpaque(), releasePush)
            if made == nil {
                retained.release()
            }
        }
        guard let made else {
            return .NO
        }
        defer { MHD_destroy_response(made) }
        for field in headers {
            // libmicrohttpd refuses names and values with line breaks; such a field is dropped
            // rather than allowed to split the header.
            _ = MHD_add_response_header(made, field.name, field.value)
        }
        context.state.withLock { state in
            state.phase = .answered(response.status)
            state.stream = stream
        }
        if let stream, state.withLock({ $0.quiescing }) {
            stream.end(flush: true)
        }
        return MHD_queue_response(context.connection.pointer, UInt32(response.status.code), made)
    }

    private func tooLargeResponse(instance: String) -> HTTPResponse {
        .problem(
            ProblemDetails(
                type: ProblemDetails.typePrefix + "content-too-large", status: .contentTooLarge,
                detail: "The request body exceeds the limit of \(maxBodyBytes) bytes.",
                instance: instance))
    }

    /// 503 for a body the budget has no room for now: a retry in a second may find it.
    private func busyResponse(instance: String) -> HTTPResponse {
        .problem(
            ProblemDetails(
                type: ProblemDetails.typePrefix + "server-busy", status: .serviceUnavailable,
                detail: "The server holds as many request bodies as it will for now (overall or from this address); retry shortly.",
                instance: instance),
            headers: ["Retry-After": "1"])
    }

    private func unavailableResponse(instance: String) -> HTTPResponse {
        .problem(
            ProblemDetails(
                type: ProblemDetails.typePrefix + "shutting-down", status: .serviceUnavailable,
                detail: "The server is shutting down.", instance: instance))
    }
}
