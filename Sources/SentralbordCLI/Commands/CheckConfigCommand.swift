import Gateway
import PluginKit

/// `sentralbord check-config [PATH]`: reads a configuration, prints it as in effect (secrets
/// redacted) or every problem with file:line:column, exit 78.
struct CheckConfigCommand: Command {
    static let interface = CommandInterface(
        path: ["check-config"],
        summary: "Check a configuration file and print the configuration in effect, secrets redacted.",
        positionals: [.init("PATH", help: "The configuration file (default: config.toml).", isOptional: true)])

    let path: String

    init(arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positional(0) ?? "config.toml"
    }

    func run(console: Console) async -> ExitCode {
        do {
            let configuration = try GatewayConfiguration.load(path: path)
            console.out(configuration.effectiveTOML)
            let users = configuration.tenants.reduce(0) { $0 + $1.users.count }
            let queues = configuration.tenants.reduce(0) { $0 + $1.queues.count }
            console.err("\(path): OK (\(configuration.tenants.count) tenants, \(users) users, \(queues) queues)\n")
            return .success
        } catch {
            console.err(error.description + "\n")
            let count = error.issues.count
            console.err("\(path): \(count) problem\(count == 1 ? "" : "s"); nothing was started\n")
            return .configuration
        }
    }
}
