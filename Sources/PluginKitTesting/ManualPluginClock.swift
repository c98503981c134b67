public import Foundation
public import PluginKit
import Synchronization

/// A `PluginClock` whose `now` is set by the test; `sleep` returns at once (recording how
/// long was asked) so retry logic can be tested without waiting.
public final class ManualPluginClock: PluginClock {
    private let state: Mutex<(now: Date, slept: [Duration])>

    /// Creates a clock showing `now`.
    public init(now: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex((now, []))
    }

    /// The time the test set.
    public func now() -> Date { state.withLock { $0.now } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) { state.withLock { $0.now += seconds } }

    /// Records `duration` and returns (throws if the task is cancelled).
    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { $0.slept.append(duration) }
    }

    /// Every duration `sleep` was asked for.
    public var sleeps: [Duration] { state.withLock { $0.slept } }
}
