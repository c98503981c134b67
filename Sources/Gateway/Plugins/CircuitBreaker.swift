/// Stops deliveries to an instance that keeps failing, then tries one delivery after a
/// cooldown: closed → open after `threshold` consecutive failures (or at once on a
/// `misconfigured` error) → half-open after `cooldown` → closed on success, open again on
/// failure. Times are instants of a monotonic clock.
public struct CircuitBreaker: Sendable, Equatable {
    /// Where the breaker stands.
    public enum State: Sendable, Equatable, CustomStringConvertible {
        /// Deliveries flow.
        case closed
        /// No deliveries until the instant.
        case open(until: ContinuousClock.Instant)
        /// One trial delivery decides.
        case halfOpen

        /// `closed`, `open` or `half-open`.
        public var description: String {
            switch self {
            case .closed: "closed"
            case .open: "open"
            case .halfOpen: "half-open"
            }
        }
    }

    /// Consecutive failures that open the breaker.
    public let threshold: Int
    /// How long it stays open.
    public let cooldown: Duration
    /// Where it stands.
    public private(set) var state = State.closed
    /// Failures since the last success.
    public private(set) var consecutiveFailures = 0

    /// Creates a closed breaker.
    public init(threshold: Int, cooldown: Duration) {
        self.threshold = threshold
        self.cooldown = cooldown
    }

    /// When the next delivery may start: now, or when the open breaker's cooldown ends
    /// (and the breaker turns half-open).
    public mutating func admission(at now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        guard case .open(let until) = state else { return now }
        if now >= until {
            state = .halfOpen
            return now
        }
        return until
    }

    /// A delivery succeeded.
    public mutating func recordSuccess() {
        consecutiveFailures = 0
        state = .closed
    }

    /// A delivery failed; `opensAtOnce` for errors no retry can fix (misconfiguration).
    public mutating func recordFailure(at now: ContinuousClock.Instant, opensAtOnce: Bool = false) {
        consecutiveFailures += 1
        if opensAtOnce || state == .halfOpen || consecutiveFailures >= threshold {
            state = .open(until: now + cooldown)
        }
    }
}
