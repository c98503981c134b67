/// A `sentralbord` command a plugin kind brings (`sentralbord sms quote`,
/// `sentralbord billing export`): listed in help and parsed like the built-in ones.
public struct PluginCommand: Sendable {
    /// Runs the command with its parsed arguments; throws ``UsageError`` for a command line
    /// that does not fit (the CLI prints it with the usage and exits 64).
    public typealias Run = @Sendable (ParsedArguments, PluginCommandContext) async throws(UsageError) -> ExitCode

    /// Name, summary, options and arguments.
    public var interface: CommandInterface
    /// What it does.
    public var run: Run

    /// A command with `interface` doing `run`.
    public init(_ interface: CommandInterface, run: @escaping Run) {
        self.interface = interface
        self.run = run
    }
}

/// What the CLI gives a plugin's command: where to write, and the kind's instances and
/// database as the gateway's configuration has them. Each loader prints what went wrong
/// itself and throws ``CommandExit`` with the status to exit with (78 for the configuration,
/// 1 for the database).
public struct PluginCommandContext: Sendable {
    /// Loads this kind's configured instances from the configuration file at `path`; nil
    /// means `config.toml` when it exists, else none.
    public typealias LoadInstances = @Sendable (_ path: String?) async throws(CommandExit) -> [any Plugin]
    /// Opens this kind's tables in the database the configuration at `path` (nil:
    /// `config.toml`) names, migrated.
    public typealias OpenDatabase = @Sendable (_ path: String?) async throws(CommandExit) -> any PluginDatabase

    /// Standard output and error.
    public var console: Console
    /// Loads the kind's instances.
    public var instances: LoadInstances
    /// Opens the kind's tables.
    public var database: OpenDatabase

    /// Creates a context.
    public init(console: Console, instances: @escaping LoadInstances, database: @escaping OpenDatabase) {
        self.console = console
        self.instances = instances
        self.database = database
    }
}

/// A command ends early with `code`; the reason was already printed.
public struct CommandExit: Error, Sendable, Hashable {
    /// The status to exit with.
    public var code: ExitCode

    /// An early exit with `code`.
    public init(_ code: ExitCode) { self.code = code }
}
