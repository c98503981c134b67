/// A response body the server sends over time (``ResponseStream`` pulled from a producer,
/// ``HTTPPushStream`` pushed by the application), as the request's context sees it.
protocol StreamedBody: Sendable {
    /// The body bytes sent so far (for the access log).
    var bytesSent: Int { get }
    /// Ends the body: after what is already buffered when `flush` is true (graceful shutdown),
    /// else at once (the grace period is over).
    func end(flush: Bool)
    /// Notes that libmicrohttpd is done with the connection.
    func close()
}
