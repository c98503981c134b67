import Gateway
import PluginKit

/// How a command ends early, with the status to exit with (the message is printed).
struct EarlyExit: Error {
    let code: ExitCode
}

/// Loads the configuration and opens its storage for a `plugins` command, printing what
/// went wrong: exit 78 for the configuration, 1 for the database.
func openGateway(configPath: String, console: Console) async -> Result<(GatewayConfiguration, GatewayStorage), EarlyExit> {
    let configuration: GatewayConfiguration
    do {
        configuration = try GatewayConfiguration.load(path: configPath)
    } catch {
        console.err(error.description + "\n\(configPath): \(error.issues.count) problem(s)\n")
        return .failure(EarlyExit(code: .configuration))
    }
    do {
        return .success((configuration, try await GatewayStorage.open(configuration.storage)))
    } catch {
        console.err(error.message + "\n")
        return .failure(EarlyExit(code: .failure))
    }
}
