import Foundation
import Gateway
import PluginKit

/// A command the CLI knows: built in, or brought by a plugin kind
/// (``PluginFactory/commands``); both are parsed against their interface alike.
struct CommandEntry: Sendable {
    /// Name, summary, options and arguments.
    let interface: CommandInterface
    /// Runs it with its parsed arguments.
    let run: @Sendable (ParsedArguments, Console) async throws(UsageError) -> ExitCode

    /// A built-in command.
    init(_ command: any Command.Type) {
        interface = command.interface
        run = { arguments, console throws(UsageError) in try await command.init(arguments: arguments).run(console: console) }
    }

    /// A plugin kind's command, given the kind's instances and tables as the configuration
    /// names them.
    init(_ command: PluginCommand, of factory: any PluginFactory) {
        interface = command.interface
        run = { arguments, console throws(UsageError) in
            try await command.run(arguments, PluginCommandContext(console: console, factory: factory))
        }
    }
}

extension PluginCommandContext {
    /// The context of `factory`'s commands: its instances from the configuration, its tables
    /// from the configuration's database.
    init(console: Console, factory: any PluginFactory) {
        self.init(
            console: console,
            instances: { path throws(CommandExit) in
                let file = path ?? GatewayConfiguration.defaultPath
                guard path != nil || FileManager.default.fileExists(atPath: file) else { return [] }
                let configuration = try Self.load(file, console: console)
                return configuration.plugins.filter { $0.kind == factory.kind }.map(\.plugin)
            },
            database: { path throws(CommandExit) in
                let file = path ?? GatewayConfiguration.defaultPath
                guard let schema = factory.schema else {
                    console.err("plugin kind \(factory.kind) keeps no tables\n")
                    throw CommandExit(.software)
                }
                let configuration = try Self.load(file, console: console)
                do {
                    return try await GatewayStorage.open(configuration.storage).pluginDatabase(kind: factory.kind, schema: schema)
                } catch {
                    console.err("\(error)\n")
                    throw CommandExit(.failure)
                }
            })
    }

    private static func load(_ path: String, console: Console) throws(CommandExit) -> GatewayConfiguration {
        do {
            return try GatewayConfiguration.load(path: path)
        } catch {
            console.err(error.description + "\n\(path): \(error.issues.count) problem(s)\n")
            throw CommandExit(.configuration)
        }
    }
}
