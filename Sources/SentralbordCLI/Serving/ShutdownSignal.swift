import PluginKit
import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, the signals that ask the gateway to shut down gracefully.
public enum ShutdownSignal {
    /// Unblocks SIGINT and SIGTERM for this thread and the threads it starts later. A parent
    /// may hand them over blocked (a child started from a libdispatch thread inherits such a
    /// mask), and then a graceful shutdown could never be asked for. Call it first thing on
    /// the main thread, before any other thread exists.
    public static func unblock() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Suspends until SIGINT or SIGTERM arrives and returns its name. The signals' default
    /// action (ending the process at once) is turned off while waiting.
    static func wait() async -> String {
        await withCheckedContinuation { continuation in
            let delivered = SignalDelivery(continuation)
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { delivered.resume(with: name) }
                source.resume()
                delivered.keep(source)
            }
        }
    }
}

/// Resumes the waiting continuation once, whichever signal comes first, and keeps the signal
/// sources alive until then.
private final class SignalDelivery: @unchecked Sendable {
    // Guarded by `lock`; DispatchSource is not Sendable, hence the unchecked conformance.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<String, Never>) {
        self.continuation = continuation
    }

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    func resume(with name: String) {
        let waiting = lock.withLock { () -> CheckedContinuation<String, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: name)
    }
}
