public import Foundation
public import PluginKit

/// One HTTP response: a status, header fields and a body that is either complete or streamed.
public struct HTTPResponse: Sendable {
    /// A response body.
    public enum Body: Sendable {
        /// A complete body, sent with a `Content-Length`.
        case data(Data)
        /// A body pulled from a producer while it is sent, with chunked transfer encoding.
        case stream(any HTTPBodyProducer)
        /// A body the application writes to as it has data: the server sends the head and
        /// `preamble` (which may be empty), then hands `subscriber` an ``HTTPPushStream``. Chunked on
        /// HTTP/1.1; on HTTP/1.0 the body ends when the connection closes.
        case push(preamble: Data, subscriber: any HTTPPushSubscriber)
    }

    /// The status.
    public var status: HTTPStatus
    /// The header fields; `Content-Length` and `Transfer-Encoding` are set by the server.
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body

    /// Creates a response with a complete body.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = .data(body)
    }

    /// Creates a response whose body the server pulls from `producer` as the client reads it.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), producer: any HTTPBodyProducer) {
        self.status = status
        self.headers = headers
        self.body = .stream(producer)
    }

    /// Creates a response whose body the application pushes (see ``Body/push(preamble:subscriber:)``).
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), preamble: Data, subscriber: any HTTPPushSubscriber) {
        self.status = status
        self.headers = headers
        self.body = .push(preamble: preamble, subscriber: subscriber)
    }

    /// A response whose body is `value` encoded as JSON (keys sorted unless `encoder` says
    /// otherwise), with `Content-Type: application/json`.
    public static func json(
        _ value: some Encodable,
        status: HTTPStatus = .ok,
        headers: HTTPHeaders = HTTPHeaders(),
        encoder: JSONEncoder = .sortedKeys
    ) throws -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: try encoder.encode(value))
    }

    /// A response carrying `problem` as `application/problem+json` (RFC 9457), with the
    /// problem's status.
    public static func problem(_ problem: ProblemDetails, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/problem+json"
        return HTTPResponse(status: HTTPStatus(code: problem.status), headers: headers, body: problem.encoded())
    }

    /// The response for an error a handler threw: an ``HTTPResponseError`` chooses its status,
    /// problem and headers; any other error becomes a bare 500 that reveals nothing about it.
    /// `instance` (usually the request path) fills the problem's `instance` if it has none.
    public static func problem(for error: any Error, instance: String?) -> HTTPResponse {
        guard let error = error as? any HTTPResponseError else {
            return .problem(ProblemDetails(status: .internalServerError, instance: instance))
        }
        var problem = error.problem
        if problem.instance == nil {
            problem.instance = instance
        }
        return .problem(problem, headers: error.headers)
    }
}

extension JSONEncoder {
    /// An encoder writing object keys in sorted order, so equal values give equal bytes;
    /// one shared instance (encoding is thread-safe), not a new encoder per response or event.
    public static let sortedKeys: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
