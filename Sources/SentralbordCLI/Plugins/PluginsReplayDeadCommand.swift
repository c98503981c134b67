import Gateway
import PluginKit

/// `sentralbord plugins replay-dead INSTANCE [--config PATH]`: delivers the instance's dead
/// letters again, one try each; exits 0 when every one was delivered, 1 otherwise.
struct PluginsReplayDeadCommand: Command {
    static let interface = CommandInterface(
        path: ["plugins", "replay-dead"],
        summary: "Deliver a plugin instance's dead letters again.",
        options: [CommandInterface.configOption],
        positionals: [.init("INSTANCE", help: "The plugin instance's name in [[plugins]].")])

    let configPath: String
    let instanceName: String

    init(arguments: ParsedArguments) throws(UsageError) {
        configPath = arguments.option("config") ?? "config.toml"
        instanceName = arguments.positionals[0]
    }

    func run(console: Console) async -> ExitCode {
        let configuration: GatewayConfiguration
        let storage: GatewayStorage
        switch await openGateway(configPath: configPath, console: console) {
        case .success(let opened): (configuration, storage) = opened
        case .failure(let exit): return exit.code
        }
        guard let instance = configuration.plugins.first(where: { $0.name == instanceName }) else {
            let names = configuration.plugins.map(\.name).joined(separator: ", ")
            console.err("error: no plugin instance \"\(instanceName)\" in \(configPath); configured: \(names.isEmpty ? "none" : names)\n")
            return .usage
        }
        let logging = configuration.log
        let sink = StreamLogSink(minimumLevel: logging.level, format: logging.format)
        defer { sink.flush() }
        let logger = Logger(label: "replay", sink: sink)
        do {
            let report = try await DeadLetterReplay.replay(instance, storage: storage, companies: Set(configuration.tenants.map(\.id)), logger: logger)
            for failure in report.failed {
                console.out("seq \(failure.seq): still failing: \(failure.error)\n")
            }
            console.out("\(instanceName): \(report.delivered) delivered, \(report.failed.count) still dead\n")
            return report.failed.isEmpty ? .success : .failure
        } catch {
            console.err("cannot replay: \(error)\n")
            return .failure
        }
    }
}
