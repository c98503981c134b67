public import PluginKit
/// What the server knows about one finished request, handed to the access log hook.
public struct HTTPAccessLogEntry: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request path as sent, without the query.
    public var path: String
    /// The status sent, or `nil` if the connection ended before a response was queued
    /// (e.g. the client went away during its upload).
    public var status: HTTPStatus?
    /// The time from reading the request line to the end of the exchange.
    public var duration: Duration
    /// The request body bytes received.
    public var requestBodyBytes: Int
    /// The response body bytes handed to the connection.
    public var responseBodyBytes: Int
    /// The peer's numeric IP address, if known.
    public var remoteAddress: String?
    /// Whether the response was sent completely (`false` when the client went away, a timeout
    /// hit, or the server shut down mid-response).
    public var completedNormally: Bool
}
