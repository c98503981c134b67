public import PluginKit
/// A `sentralbord` command: its interface, validation of its arguments, and what it does.
///
/// `init(arguments:)` validates everything that can be checked without running (values,
/// combinations) and throws `UsageError`; `run` does the work and returns the exit status.
public protocol Command: Sendable {
    /// Name, summary, options and arguments.
    static var interface: CommandInterface { get }
    /// Validates parsed arguments.
    init(arguments: ParsedArguments) throws(UsageError)
    /// Runs the command.
    func run(console: Console) async -> ExitCode
}
