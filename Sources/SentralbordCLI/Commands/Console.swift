import Foundation
import Synchronization

/// Where a command writes: standard output for results, standard error for messages.
/// Injectable so tests read what a command printed.
public struct Console: Sendable {
    /// Writes text to standard output.
    public var out: @Sendable (String) -> Void
    /// Writes text to standard error.
    public var err: @Sendable (String) -> Void

    /// Creates a console from two writers.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's standard output and error.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })
}

/// A console that keeps what was written, for tests.
public final class CapturedConsole: Sendable {
    private let output = Mutex<(out: String, err: String)>(("", ""))

    /// Creates an empty capture.
    public init() {}

    /// The console writing into this capture.
    public var console: Console {
        Console(out: { text in self.output.withLock { $0.out += text } }, err: { text in self.output.withLock { $0.err += text } })
    }

    /// Everything written to standard output.
    public var out: String { output.withLock { $0.out } }
    /// Everything written to standard error.
    public var err: String { output.withLock { $0.err } }
}
