public import PluginKit
import Synchronization

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
