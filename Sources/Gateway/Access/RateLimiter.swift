import Synchronization

/// Counts events per key in a sliding window (e.g. login codes per number per hour) and
/// says when a key has had its share. In memory: a restart forgets the counts, which only
/// makes the limits briefly more generous.
final class RateLimiter: Sendable {
    private let limit: Int
    private let windowMilliseconds: Int64
    private let hits = Mutex<[String: [Int64]]>([:])

    /// At most `limit` events per key within `windowMilliseconds`.
    init(limit: Int, windowMilliseconds: Int64) {
        self.limit = limit
        self.windowMilliseconds = windowMilliseconds
    }

    /// Counts an event for `key` at `now` if the key is under its limit; otherwise counts
    /// nothing and returns the seconds until the oldest counted event leaves the window.
    func take(_ key: String, now: Int64) -> Int? {
        hits.withLock { hits in
            if hits.count > 50_000 { hits = hits.filter { $0.value.last.map { now - $0 < windowMilliseconds } ?? false } }
            var times = hits[key, default: []].filter { now - $0 < windowMilliseconds }
            guard times.count < limit else {
                hits[key] = times
                return Int((times[0] + windowMilliseconds - now + 999) / 1000)
            }
            times.append(now)
            hits[key] = times
            return nil
        }
    }
}
