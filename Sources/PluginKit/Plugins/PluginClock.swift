public import Foundation

/// The time as a plugin sees it: wall-clock `now` for timestamps and `sleep` for waiting.
/// The host's clock is the system's; tests pass one they control.
public protocol PluginClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Suspends for `duration` or until the task is cancelled (then throws).
    func sleep(for duration: Duration) async throws
}

/// The system clock.
public struct SystemPluginClock: PluginClock {
    /// Creates the system clock.
    public init() {}

    /// `Date()`.
    public func now() -> Date { Date() }

    /// `Task.sleep(for:)`.
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
