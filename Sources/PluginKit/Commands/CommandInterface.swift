/// What a command accepts: its name, options, flags and positional arguments, and the help
/// text built from them. Parsing validates against it before the command runs.
public struct CommandInterface: Sendable {
    /// An option that takes a value: `--config PATH` or `--config=PATH`.
    public struct Option: Sendable {
        /// The long name without dashes, e.g. `config`.
        public var name: String
        /// The value's placeholder in help, e.g. `PATH`.
        public var valueName: String
        /// One line of help.
        public var help: String

        /// Creates an option.
        public init(_ name: String, valueName: String, help: String) {
            self.name = name
            self.valueName = valueName
            self.help = help
        }
    }

    /// `--config PATH`, which every command reading the gateway's configuration takes.
    public static let configOption = Option("config", valueName: "PATH", help: "The configuration file (default: config.toml).")

    /// A switch without a value: `--json`.
    public struct Flag: Sendable {
        /// The long name without dashes.
        public var name: String
        /// One line of help.
        public var help: String

        /// Creates a flag.
        public init(_ name: String, help: String) {
            self.name = name
            self.help = help
        }
    }

    /// A positional argument.
    public struct Positional: Sendable {
        /// The placeholder in help, e.g. `PATH`.
        public var name: String
        /// One line of help.
        public var help: String
        /// Whether it may be left out.
        public var isOptional: Bool

        /// Creates a positional argument.
        public init(_ name: String, help: String, isOptional: Bool = false) {
            self.name = name
            self.help = help
            self.isOptional = isOptional
        }
    }

    /// The words that select the command, e.g. `["check-config"]` or `["plugins", "status"]`.
    public var path: [String]
    /// One line saying what it does.
    public var summary: String
    /// Options taking values.
    public var options: [Option]
    /// Switches.
    public var flags: [Flag]
    /// Positional arguments, in order.
    public var positionals: [Positional]

    /// Creates an interface.
    public init(path: [String], summary: String, options: [Option] = [], flags: [Flag] = [], positionals: [Positional] = []) {
        self.path = path
        self.summary = summary
        self.options = options
        self.flags = flags
        self.positionals = positionals
    }

    /// `sentralbord check-config [PATH]` style usage line.
    public var usage: String {
        var parts = ["sentralbord"] + path
        parts += options.map { "[--\($0.name) \($0.valueName)]" }
        parts += flags.map { "[--\($0.name)]" }
        parts += positionals.map { $0.isOptional ? "[\($0.name)]" : $0.name }
        return parts.joined(separator: " ")
    }

    /// The full help text.
    public var help: String {
        var lines = ["\(summary)", "", "Usage: \(usage)"]
        let rows: [(String, String)] =
            positionals.map { ($0.name, $0.help) }
            + options.map { ("--\($0.name) \($0.valueName)", $0.help) }
            + flags.map { ("--\($0.name)", $0.help) }
            + [("-h, --help", "Show this help.")]
        let width = rows.map(\.0.count).max() ?? 0
        lines.append("")
        for (name, help) in rows {
            lines.append("  " + name + String(repeating: " ", count: width - name.count + 2) + help)
        }
        return lines.joined(separator: "\n")
    }
}
