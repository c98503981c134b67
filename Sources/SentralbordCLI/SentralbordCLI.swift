import Gateway
public import PluginKit

/// The `sentralbord` command line: finds the command named by the first words, parses the
/// rest against its interface, and runs it.
///
/// `help [COMMAND]` and `--help` on every command print help and exit 0; a wrong command
/// line prints what was expected and exits 64.
public enum SentralbordCLI {
    /// Every command, in the order help lists them: the built-in ones, then the plugin
    /// kinds' (``PluginFactory/commands``), then `version`.
    static let commands: [CommandEntry] =
        [
            ServeCommand.self, CheckConfigCommand.self, CheckStorageCommand.self, PluginsStatusCommand.self,
            PluginsReplayDeadCommand.self, APIKeysCreateCommand.self, SimulateCommand.self,
        ].map(CommandEntry.init)
        + PluginRegistry.builtIn.flatMap { factory in factory.commands.map { CommandEntry($0, of: factory) } }
        + [CommandEntry(VersionCommand.self)]

    /// Runs the command line `arguments` (without the program name).
    public static func run(_ arguments: [String], console: Console = .standard) async -> ExitCode {
        guard let first = arguments.first else {
            console.err(overview + "\n")
            return .usage
        }
        if first == "help" || first == "-h" || first == "--help" {
            return help(for: Array(arguments.dropFirst()), console: console)
        }
        guard let command = command(for: arguments) else {
            let group = commands.filter { $0.interface.path.count > 1 && $0.interface.path[0] == first }
            if !group.isEmpty {
                let names = group.map { $0.interface.path.joined(separator: " ") }.joined(separator: ", ")
                console.err(UsageError("'\(first)' needs a subcommand: \(names)", usage: "sentralbord \(first) SUBCOMMAND [OPTIONS]").description + "\n")
                return .usage
            }
            console.err(UsageError(unknownCommandMessage(arguments), usage: "sentralbord COMMAND [OPTIONS]").description + "\n")
            return .usage
        }
        let rest = Array(arguments.dropFirst(command.interface.path.count))
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(rest, for: command.interface)
            if parsed.wantsHelp {
                console.out(command.interface.help + "\n")
                return .success
            }
            return try await command.run(parsed, console)
        } catch {
            console.err(error.description + "\n")
            return .usage
        }
    }

    /// The command whose path is the longest prefix of `arguments`.
    static func command(for arguments: [String]) -> CommandEntry? {
        commands
            .filter { arguments.starts(with: $0.interface.path) }
            .max { $0.interface.path.count < $1.interface.path.count }
    }

    private static func help(for topic: [String], console: Console) -> ExitCode {
        guard !topic.isEmpty else {
            console.out(overview + "\n")
            return .success
        }
        guard let command = command(for: topic), command.interface.path.count == topic.count else {
            console.err(UsageError(unknownCommandMessage(topic), usage: "sentralbord help [COMMAND]").description + "\n")
            return .usage
        }
        console.out(command.interface.help + "\n")
        return .success
    }

    private static func unknownCommandMessage(_ words: [String]) -> String {
        let names = commands.map { $0.interface.path.joined(separator: " ") } + ["help"]
        return "unknown command '\(words.joined(separator: " "))'; expected one of: \(names.joined(separator: ", "))"
    }

    /// The top-level help: what the program is and its commands.
    static var overview: String {
        let rows = commands.map { ($0.interface.path.joined(separator: " "), $0.interface.summary) }
            + [("help [COMMAND]", "Show help for a command.")]
        let width = rows.map(\.0.count).max() ?? 0
        var lines = [
            "sentralbord — switchboard engine and integration gateway",
            "",
            "Usage: sentralbord COMMAND [OPTIONS]",
            "",
            "Commands:",
        ]
        for (name, summary) in rows {
            lines.append("  " + name + String(repeating: " ", count: width - name.count + 2) + summary)
        }
        lines.append("")
        lines.append("Run 'sentralbord COMMAND --help' for a command's options.")
        return lines.joined(separator: "\n")
    }
}
