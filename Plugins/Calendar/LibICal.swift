import CICal
import Dispatch

/// The one serial queue every libical call runs on. libical keeps global state (the error
/// number, the built-in time zone cache that loads lazily) and mutates components while
/// reading them, so it is used from one thread at a time, and never from Swift's
/// cooperative pool.
enum LibICal {
    private static let queue = DispatchQueue(label: "sentralbord.libical")

    /// Makes libical report errors instead of aborting; runs once, on the queue.
    private static let setUp: Void = icalerror_set_errors_are_fatal(0)

    /// Runs `body` on the libical queue and returns its result.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws(CalendarError) -> Value) async throws(CalendarError) -> Value {
        let result: Result<Value, CalendarError> = await withCheckedContinuation { continuation in
            queue.async {
                _ = setUp
                continuation.resume(returning: Result { () throws(CalendarError) in try body() })
            }
        }
        return try result.get()
    }

    /// Queues `body` on the libical queue without waiting (used to free components).
    static func schedule(_ body: @escaping @Sendable () -> Void) {
        queue.async(execute: body)
    }
}
