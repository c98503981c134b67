public import Foundation
import Synchronization

/// Counts events per key in a sliding window and refuses an event that would take a key past
/// its limit: login codes per number, client address or company per hour, against SMS pumping
/// and code guessing. In memory: a restart forgets the counts, which only makes the limits
/// briefly more generous.
///
/// Memory stays bounded. At least once a window, keys with no event left in it are forgotten;
/// and when more than `maximumKeys` keys are still in use, every count is forgotten (failing
/// open rather than growing without end; what a limit protects needs a second bound, such as
/// the SMS spend cap).
public final class RateLimiter: Sendable {
    private struct State {
        var times: [String: [Int64]] = [:]
        var prunedAt: Int64 = 0
    }

    private let windowMilliseconds: Int64
    private let maximumKeys: Int
    private let state = Mutex(State())

    /// A limiter counting events within `window`, keeping at most `maximumKeys` keys.
    public init(window: Duration, maximumKeys: Int = 50_000) {
        let (seconds, attoseconds) = window.components
        windowMilliseconds = max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        self.maximumKeys = maximumKeys
    }

    /// How many keys the limiter holds counts for.
    public var trackedKeys: Int { state.withLock { $0.times.count } }

    /// Counts one event at `now` for every key of `limits` if each has had fewer events than
    /// its limit within the window (a limit of 0 or less means no limit, and is not counted);
    /// otherwise counts nothing, for any key, and returns the whole seconds (at least 1) until
    /// the first key that refused has room again.
    public func take(_ limits: [(key: String, limit: Int)], at now: Date) -> Int? {
        let now = now.millisecondsSince1970
        return state.withLock { state in
            prune(&state, now: now)
            for (key, limit) in limits where limit > 0 {
                let recent = (state.times[key] ?? []).filter { now - $0 < windowMilliseconds }
                state.times[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit {
                    let freedAt = recent[recent.count - limit] + windowMilliseconds
                    return max(1, Int((freedAt - now + 999) / 1000))
                }
            }
            for (key, limit) in limits where limit > 0 { state.times[key, default: []].append(now) }
            return nil
        }
    }

    /// ``take(_:at:)`` for one key.
    public func take(_ key: String, limit: Int, at now: Date) -> Int? {
        take([(key, limit)], at: now)
    }

    private func prune(_ state: inout State, now: Int64) {
        guard now - state.prunedAt >= windowMilliseconds || state.times.count > maximumKeys else { return }
        state.times = state.times.filter { _, times in times.last.map { now - $0 < windowMilliseconds } ?? false }
        state.prunedAt = now
        if state.times.count > maximumKeys { state.times = [:] }
    }
}
