/// Why a delivery failed, in the terms the plugin host acts on.
///
/// - `transient`: try again later with backoff (a timeout, a 5xx, a connection refused).
/// - `rateLimited`: try again, not before `retryAfter` when the peer said so (HTTP 429).
/// - `permanent`: this event will never be delivered (a 4xx, a rejected payload); it goes to
///   the dead-letter list at once.
/// - `misconfigured`: no event can be delivered until the configuration changes (bad
///   credentials, 401/403); the circuit breaker opens.
///
/// Messages are logged and stored with dead letters: never put a secret in one.
public struct PluginError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the host should do.
    public enum Kind: Sendable, Equatable {
        /// Retry with backoff.
        case transient
        /// Retry, waiting at least `retryAfter` when given.
        case rateLimited(retryAfter: Duration?)
        /// Never retry this event.
        case permanent
        /// Stop delivering until the configuration is fixed.
        case misconfigured
    }

    /// What the host should do.
    public var kind: Kind
    /// What went wrong, safe to log.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A failure worth retrying.
    public static func transient(_ message: String) -> PluginError { PluginError(.transient, message) }
    /// The peer asked to slow down.
    public static func rateLimited(retryAfter: Duration?, _ message: String) -> PluginError {
        PluginError(.rateLimited(retryAfter: retryAfter), message)
    }
    /// A failure retrying cannot fix.
    public static func permanent(_ message: String) -> PluginError { PluginError(.permanent, message) }
    /// A configuration problem.
    public static func misconfigured(_ message: String) -> PluginError { PluginError(.misconfigured, message) }

    /// Whether the host may try the same event again.
    public var isRetryable: Bool {
        switch kind {
        case .transient, .rateLimited: true
        case .permanent, .misconfigured: false
        }
    }

    /// `kind: message`.
    public var description: String {
        switch kind {
        case .transient: "transient: \(message)"
        case .rateLimited(let after): "rate limited\(after.map { " (retry after \($0))" } ?? ""): \(message)"
        case .permanent: "permanent: \(message)"
        case .misconfigured: "misconfigured: \(message)"
        }
    }
}
