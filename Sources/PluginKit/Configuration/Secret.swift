/// A secret value from configuration (API key, provider token, webhook secret).
///
/// Config files never hold secrets literally; they name where the secret lives —
/// `env:NAME` (an environment variable) or `file:PATH` (a file's contents, trailing newline
/// removed). `description` and `debugDescription` never show the value, so a secret can be
/// logged, printed by `check-config` or put in an error message without leaking it.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Where a secret's value comes from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// An environment variable.
        case environment(String)
        /// A file's contents.
        case file(String)

        /// `env:NAME` or `file:PATH`, the form written in config.toml.
        public var description: String {
            switch self {
            case .environment(let name): "env:\(name)"
            case .file(let path): "file:\(path)"
            }
        }
    }

    /// Where the value came from; safe to show.
    public let source: Source
    private let value: String

    /// Creates a secret holding `value` read from `source`.
    public init(_ value: String, from source: Source) {
        self.value = value
        self.source = source
    }

    /// The secret's value. Use it only where it is sent or verified, never to print.
    public func reveal() -> String { value }

    /// `<redacted env:NAME>`: the source, never the value.
    public var description: String { "<redacted \(source)>" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows only the source, so `dump` and debuggers do not reveal the value either.
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
