/// A command line that does not fit the command's interface. The CLI prints the message and
/// the usage line and exits 64 (EX_USAGE).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong and what was expected.
    public var message: String
    /// The usage line of the command concerned.
    public var usage: String

    /// Creates an error.
    public init(_ message: String, usage: String) {
        self.message = message
        self.usage = usage
    }

    /// The message and the usage line.
    public var description: String { "error: \(message)\nusage: \(usage)" }
}
