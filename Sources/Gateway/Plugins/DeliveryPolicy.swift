public import PluginKit

/// How the host delivers to one plugin instance: timeout, retries, dead-lettering and the
/// circuit breaker. Read from the instance's `[[plugins]]` table.
public struct DeliveryPolicy: Sendable, Equatable {
    /// Key `timeout_seconds`: one delivery is cancelled after this; 1…600, default 10.
    public var timeout: Duration = .seconds(10)
    /// Key `max_attempts`: tries per event before it is dead-lettered; 1…100, default 8.
    public var maxAttempts = 8
    /// Key `max_age_seconds`: an event still failing this long after its first try is
    /// dead-lettered; 1…604800, default 3600.
    public var maxAge: Duration = .seconds(3600)
    /// Key `backoff_initial_ms`: the wait before the first retry; 1…60000, default 500.
    public var initialBackoff: Duration = .milliseconds(500)
    /// Key `backoff_max_seconds`: the longest wait between tries; 1…3600, default 60.
    public var maxBackoff: Duration = .seconds(60)
    /// Key `breaker_failures`: consecutive failed tries that open the circuit breaker;
    /// 1…1000, default 5.
    public var breakerThreshold = 5
    /// Key `breaker_cooldown_seconds`: how long an open breaker waits before one trial
    /// delivery; 1…3600, default 30.
    public var breakerCooldown: Duration = .seconds(30)

    /// The defaults.
    public init() {}

    /// Reads the policy keys of a `[[plugins]]` table.
    public init(config: ConfigReader) {
        timeout = .seconds(config.integer("timeout_seconds", default: 10, in: 1...600))
        maxAttempts = config.integer("max_attempts", default: maxAttempts, in: 1...100)
        maxAge = .seconds(config.integer("max_age_seconds", default: 3600, in: 1...604_800))
        initialBackoff = .milliseconds(config.integer("backoff_initial_ms", default: 500, in: 1...60_000))
        maxBackoff = .seconds(config.integer("backoff_max_seconds", default: 60, in: 1...3600))
        breakerThreshold = config.integer("breaker_failures", default: breakerThreshold, in: 1...1000)
        breakerCooldown = .seconds(config.integer("breaker_cooldown_seconds", default: 30, in: 1...3600))
    }

    /// The wait before try `attempt + 1` after try `attempt` failed: exponential from
    /// `initialBackoff`, capped at `maxBackoff`, with "equal jitter" (between half and all of
    /// it, `jitter` in 0…1 choosing where) so many instances do not retry in step.
    public func backoff(afterAttempt attempt: Int, jitter: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let base = min(initialBackoff * (1 << exponent), maxBackoff)
        return base / 2 + base / 2 * min(max(jitter, 0), 1)
    }
}
