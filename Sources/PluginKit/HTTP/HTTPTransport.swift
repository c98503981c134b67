/// Sends HTTP requests: the outbound HTTP capability a plugin's context gives it.
///
/// The gateway's implementation is `HTTPSession` (libcurl, on dedicated threads). Tests may
/// pass any conformer, e.g. one that records requests.
///
/// Implementation requirements: a response with any status (including 4xx and 5xx) is
/// returned, not thrown; only a failure to get a response throws `TransferError`, whose
/// message must not contain credentials. Cancelling the calling task should abort the request.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response.
    func send(_ request: HTTPClientRequest) async throws(TransferError) -> HTTPClientResponse
}
