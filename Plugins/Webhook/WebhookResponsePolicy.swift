public import PluginKit
public import Foundation

/// What a receiver's answer means for the event, per the status-code rules:
///
/// - 2xx: delivered.
/// - 429: rate limited, not before `Retry-After` (seconds or HTTP-date) when given.
/// - 408 and 5xx: transient; a 503 with `Retry-After` is treated like a 429.
/// - 401 and 403: misconfigured. The receiver refuses our signature or our access, which no
///   retry of this event (or any other) can change until a key or the receiver's
///   configuration is fixed; the host's circuit breaker then stops sending into a wall.
/// - 3xx: misconfigured. Redirects are not followed (a signed POST must not wander), so the
///   configured URL is wrong for every event.
/// - any other 4xx: permanent; the receiver rejected this event.
/// - anything else (1xx or a status outside 100…599): transient; the answer is unusable.
/// - no usable answer (refused, timeout, reset, TLS failure, garbage): transient.
public enum WebhookResponsePolicy {
    /// The outcome of `response`, or the error to throw; `now` dates a `Retry-After` date.
    public static func outcome(of response: HTTPClientResponse, now: Date) -> Result<DeliveryOutcome, PluginError> {
        let status = response.status
        let retryAfter = response.headers["Retry-After"].flatMap { RetryAfter.delay($0, now: now) }
        switch status {
        case 200...299:
            return .success(.delivered)
        case 429:
            return .failure(.rateLimited(retryAfter: retryAfter, "receiver answered 429 Too Many Requests"))
        case 503 where retryAfter != nil:
            return .failure(.rateLimited(retryAfter: retryAfter, "receiver answered 503 with Retry-After"))
        case 408, 500...599:
            return .failure(.transient("receiver answered \(status)"))
        case 401, 403:
            return .failure(.misconfigured("receiver refused the request with \(status): check the signing secrets on both sides"))
        case 300...399:
            return .failure(.misconfigured("receiver answered \(status) (a redirect, not followed): configure the final URL"))
        case 400...499:
            return .failure(.permanent("receiver rejected the event with \(status)"))
        default:
            return .failure(.transient("receiver answered an unusable status \(status)"))
        }
    }

    /// The error for a request that got no answer: transient, except a request the transport
    /// refuses to send (a header value with a line break, from an odd event id), which no retry
    /// of this event can fix. The URL was checked when the configuration was read, so an
    /// "invalid URL" here comes from the peer (libcurl reports an HTTP/0.9 reply, i.e. garbage,
    /// that way) and is transient like any other unusable answer.
    public static func error(for failure: TransferError) -> PluginError {
        switch failure.code {
        case .invalidRequest:
            .permanent("the request for this event could not be sent: \(failure.code)")
        case .cancelled:
            .transient("the delivery was cancelled before the receiver answered")
        default:
            .transient("no usable answer from the receiver: \(failure.code)")
        }
    }
}
