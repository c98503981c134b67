import Gateway
import PluginKit

/// `sentralbord serve [--config PATH] [--listen HOST:PORT]`: runs the gateway until SIGINT
/// or SIGTERM, then shuts down gracefully and exits 0.
struct ServeCommand: Command {
    static let interface = CommandInterface(
        path: ["serve"],
        summary: "Run the gateway: HTTP API, engine and plugins.",
        options: [
            CommandInterface.configOption,
            .init("listen", valueName: "HOST:PORT", help: "Listen here instead of [server] listen."),
        ])

    let configPath: String
    let listen: ListenAddress?

    init(arguments: ParsedArguments) throws(UsageError) {
        configPath = arguments.option("config") ?? "config.toml"
        if let text = arguments.option("listen") {
            do {
                listen = try ListenAddress(parsing: text)
            } catch {
                throw UsageError("--listen: \(error.message)", usage: Self.interface.usage)
            }
        } else {
            listen = nil
        }
    }

    func run(console: Console) async -> ExitCode {
        var configuration: GatewayConfiguration
        do {
            configuration = try GatewayConfiguration.load(path: configPath)
        } catch {
            console.err(error.description + "\n\(configPath): \(error.issues.count) problem(s); nothing was started\n")
            return .configuration
        }
        if let listen { configuration.server.listen = listen }
        let settings = configuration.log
        let sink = StreamLogSink(minimumLevel: settings.level, format: settings.format)
        defer { sink.flush() }
        let logger = Logger(label: "gateway", sink: sink)
        let service: GatewayService
        do {
            service = try await GatewayService(configuration: configuration, logger: logger)
            try await service.start()
        } catch {
            logger.error("cannot start", ["reason": error.message])
            return error.code == .storage ? .failure : .unavailable
        }
        let signal = await ShutdownSignal.wait()
        logger.notice("received \(signal)")
        await service.shutdown()
        return .success
    }
}
