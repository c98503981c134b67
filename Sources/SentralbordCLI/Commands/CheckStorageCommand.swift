import Gateway
import PluginKit

/// `sentralbord check-storage [--config PATH]`: runs SQLite's full `PRAGMA integrity_check`
/// on the gateway's database (every page, index and constraint) and prints `ok` or each
/// problem; exit 1 when it finds any. Safe beside a running gateway (it reads one snapshot),
/// but on a large file it takes a while (docs/operations.md gives a measure).
struct CheckStorageCommand: Command {
    static let interface = CommandInterface(
        path: ["check-storage"],
        summary: "Check every page and index of the database (SQLite integrity_check); exit 1 on problems.",
        options: [CommandInterface.configOption])

    let configPath: String

    init(arguments: ParsedArguments) throws(UsageError) {
        configPath = arguments.option("config") ?? "config.toml"
    }

    func run(console: Console) async -> ExitCode {
        let configuration: GatewayConfiguration
        let storage: GatewayStorage
        switch await openGateway(configPath: configPath, console: console) {
        case .success(let opened): (configuration, storage) = opened
        case .failure(let exit): return exit.code
        }
        let path = configuration.storage.databasePath
        do {
            let problems = try await storage.integrityProblems()
            guard !problems.isEmpty else {
                console.out("\(path): ok\n")
                return .success
            }
            problems.forEach { console.out($0 + "\n") }
            console.err("\(path): \(problems.count) problem\(problems.count == 1 ? "" : "s"); restore the last backup (docs/operations.md)\n")
            return .failure
        } catch {
            console.err("\(path): the check could not run: \(error)\n")
            return .failure
        }
    }
}
