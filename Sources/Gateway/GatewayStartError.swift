/// Why the gateway could not start. The CLI maps `code` to an exit status.
public struct GatewayStartError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: Sendable, Equatable {
        /// The listen address could not be bound (in use, not permitted, not local).
        case listen
        /// The data directory or database could not be opened.
        case storage
        /// `start()` was called twice.
        case alreadyStarted
        /// A plugin kind could not start (its `start` threw).
        case plugins
    }

    /// What kind of failure.
    public var code: Code
    /// What went wrong, safe to show and log.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
