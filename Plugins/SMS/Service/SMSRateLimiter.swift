public import Foundation
import Synchronization

/// Counts events per key in a sliding window (an hour for login codes) and refuses the one over
/// the limit: the protection against SMS pumping. In memory: a restart forgives, which the
/// per-tenant spend cap bounds.
public final class SMSRateLimiter: Sendable {
    private let window: TimeInterval
    private let times = Mutex<[String: [Date]]>([:])

    /// A limiter over `window` seconds.
    public init(window: TimeInterval = 3600) { self.window = window }

    /// Whether every `(key, limit)` still has room at `now`; if so, counts one event for each.
    /// A limit of 0 means unlimited.
    public func admit(_ limits: [(key: String, limit: Int)], at now: Date) -> Bool {
        times.withLock { times in
            let since = now.addingTimeInterval(-window)
            for (key, limit) in limits where limit > 0 {
                let recent = (times[key] ?? []).filter { $0 > since }
                times[key] = recent
                if recent.count >= limit { return false }
            }
            for (key, limit) in limits where limit > 0 { times[key, default: []].append(now) }
            return true
        }
    }
}
