import Synchronization

/// Counts events per key in a sliding window (e.g. login codes per number per hour) and
/// says when a key has had its share. In memory: a restart forgets the counts, which only
/// makes the limits briefly more generous.
final class RateLimiter: Sendable {
    private let limit: Int
    private let windowMilliseconds: Int64
    /// Keys tracked at most; beyond this the oldest windows are pruned, and if every key is
    /// still active the counts are forgotten (failing open rather than growing without end).
    private static let maximumKeys = 50_000
    private let hits = Mutex<(counts: [String: [Int64]], prunedAt: Int64)>(([:], 0))

    /// At most `limit` events per key within `windowMilliseconds`.
    init(limit: Int, windowMilliseconds: Int64) {
        self.limit = limit
        self.windowMilliseconds = windowMilliseconds
    }

    /// Counts an event for `key` at `now` if the key is under its limit; otherwise counts
    /// nothing and returns the seconds until the oldest counted event leaves the window.
    func take(_ key: String, now: Int64) -> Int? {
        hits.withLock { state in
            if state.counts.count > Self.maximumKeys, now - state.prunedAt > 10_000 {
                state.counts = state.counts.filter { $0.value.last.map { now - $0 < windowMilliseconds } ?? false }
                state.prunedAt = now
                if state.counts.count > Self.maximumKeys { state.counts = [:] }
            }
            var times = state.counts[key, default: []].filter { now - $0 < windowMilliseconds }
            guard times.count < limit else {
                state.counts[key] = times
                return Int((times[0] + windowMilliseconds - now + 999) / 1000)
            }
            times.append(now)
            state.counts[key] = times
            return nil
        }
    }
}
