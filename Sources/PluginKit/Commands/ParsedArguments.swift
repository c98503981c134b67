/// The arguments of one command line after parsing against a `CommandInterface`.
public struct ParsedArguments: Sendable, Equatable {
    /// Option values by option name (the last one wins when repeated).
    public var options: [String: String] = [:]
    /// Flags that were given.
    public var flags: Set<String> = []
    /// Positional arguments in order.
    public var positionals: [String] = []
    /// True when `-h` or `--help` was given: show help instead of running.
    public var wantsHelp = false

    /// Creates an empty result.
    public init() {}

    /// The value of option `name`, if given.
    public func option(_ name: String) -> String? { options[name] }

    /// Whether flag `name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Positional argument `index`, if given.
    public func positional(_ index: Int) -> String? { positionals.indices.contains(index) ? positionals[index] : nil }
}
