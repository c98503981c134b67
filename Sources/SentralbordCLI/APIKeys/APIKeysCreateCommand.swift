import Foundation
import Gateway
import PluginKit

/// `sentralbord api-keys create --tenant ID --name NAME --scopes SCOPES [--config PATH]`:
/// issues an API key for a company and prints it once (the database keeps only its hash).
struct APIKeysCreateCommand: Command {
    static let interface = CommandInterface(
        path: ["api-keys", "create"],
        summary: "Issue an API key for a company (printed once).",
        options: [
            CommandInterface.configOption,
            .init("tenant", valueName: "ID", help: "The company ([[tenants]] id)."),
            .init("name", valueName: "NAME", help: "What the key is for, e.g. platform or crm."),
            .init("scopes", valueName: "SCOPES", help: "Comma-separated: read, telephony, admin."),
        ],
        flags: [.init("json", help: "Print the key as one JSON object.")])

    let configPath: String
    let tenant: String
    let name: String
    let scopes: [APIScope]
    let json: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        configPath = arguments.option("config") ?? "config.toml"
        guard let tenant = arguments.option("tenant"), let name = arguments.option("name"), let scopeList = arguments.option("scopes") else {
            throw UsageError("--tenant, --name and --scopes are required", usage: Self.interface.usage)
        }
        var scopes: [APIScope] = []
        for scopeName in scopeList.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let scope = APIScope(rawValue: scopeName) else {
                throw UsageError(
                    "--scopes: unknown scope \"\(scopeName)\"; expected \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))",
                    usage: Self.interface.usage)
            }
            scopes.append(scope)
        }
        guard !scopes.isEmpty, !name.isEmpty else { throw UsageError("--name and --scopes must not be empty", usage: Self.interface.usage) }
        self.tenant = tenant
        self.name = name
        self.scopes = scopes
        json = arguments.flag("json")
    }

    func run(console: Console) async -> ExitCode {
        let configuration: GatewayConfiguration
        let storage: GatewayStorage
        switch await openGateway(configPath: configPath, console: console) {
        case .success(let opened): (configuration, storage) = opened
        case .failure(let exit): return exit.code
        }
        guard configuration.tenants.contains(where: { $0.id == tenant }) else {
            console.err("error: no company \"\(tenant)\" in \(configPath); configured: \(configuration.tenants.map(\.id).joined(separator: ", "))\n")
            return .usage
        }
        do {
            let issued = try await storage.access.issueAPIKey(tenant: tenant, name: name, scopes: scopes)
            if json {
                let object: JSONValue = .object([
                    "id": .string(issued.id), "name": .string(issued.name), "key": .string(issued.key),
                    "scopes": .array(issued.scopes.map { .string($0.rawValue) }),
                ])
                console.out(object.jsonText + "\n")
            } else {
                console.out("\(issued.key)\n")
                console.err("issued \(issued.id) (\(name), \(scopes.map(\.rawValue).joined(separator: ", "))) for \(tenant); the key is shown only now\n")
            }
            return .success
        } catch {
            console.err("cannot issue the key: \(error)\n")
            return .failure
        }
    }
}
