import Foundation
public import PluginKit
import TOML

/// The whole configuration of a gateway, read from one `config.toml`.
///
/// Sections: `[server]`, `[storage]`, `[log]`, `[simulation]`, `[auth]`, `[[tenants]]` and `[[plugins]]`;
/// docs/config.md lists every key. Reading reports every problem at once, each with file:line:column and the
/// key path, and nothing is started from a configuration that had any.
public struct GatewayConfiguration: Sendable, Equatable {
    /// `[server]`.
    public var server: ServerConfiguration
    /// `[storage]`.
    public var storage: StorageConfiguration
    /// `[log]`.
    public var log: LogConfiguration
    /// `[[tenants]]`: the companies served.
    public var tenants: [TenantConfiguration]
    /// `[[plugins]]`: the plugin instances that consume the event log.
    public var plugins: [PluginConfiguration]
    /// `[simulation]`: simulated telephony traffic.
    public var simulation: SimulationConfiguration
    /// `[auth]`: login codes and sessions.
    public var auth: AuthConfiguration

    /// The configuration file commands read when none is named: `config.toml` in the working
    /// directory.
    public static let defaultPath = "config.toml"

    /// Reads and checks the configuration file at `path`.
    ///
    /// - Throws: `ConfigurationError` listing every problem, in file order.
    public static func load(
        path: String, environment: ConfigurationEnvironment = .process, plugins: [any PluginFactory] = PluginRegistry.builtIn
    ) throws(ConfigurationError) -> GatewayConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(issues: [ConfigurationIssue(file: path, position: nil, keyPath: "", message: "cannot read the configuration file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(issues: [ConfigurationIssue(file: path, position: nil, keyPath: "", message: "the file is not valid UTF-8")])
        }
        return try parse(text, file: path, environment: environment, plugins: plugins)
    }

    /// Reads and checks configuration `text`, naming it `file` in issues.
    ///
    /// - Throws: `ConfigurationError` listing every problem, in file order.
    public static func parse(
        _ text: String, file: String, environment: ConfigurationEnvironment = .process,
        plugins: [any PluginFactory] = PluginRegistry.builtIn
    ) throws(ConfigurationError) -> GatewayConfiguration {
        var configuration = GatewayConfiguration()
        let issues = ConfigReader.issues(reading: text, file: file, environment: environment) { reader in
            configuration = GatewayConfiguration(config: reader, factories: plugins)
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return configuration
    }

    /// The defaults with no tenants.
    public init() {
        server = ServerConfiguration()
        storage = StorageConfiguration()
        log = LogConfiguration()
        tenants = []
        plugins = []
        simulation = SimulationConfiguration()
        auth = AuthConfiguration()
    }

    /// Reads the root table; each section through its own `init(config:)`.
    init(config: ConfigReader, factories: [any PluginFactory]) {
        server = config.table("server").map(ServerConfiguration.init(config:)) ?? ServerConfiguration()
        storage = StorageConfiguration(config: config.table("storage"), root: config)
        log = config.table("log").map(LogConfiguration.init(config:)) ?? LogConfiguration()
        simulation = config.table("simulation").map(SimulationConfiguration.init(config:)) ?? SimulationConfiguration()
        auth = config.table("auth").map(AuthConfiguration.init(config:)) ?? AuthConfiguration()
        var seen: Set<String> = []
        tenants = config.tables("tenants").compactMap { reader in
            guard let tenant = TenantConfiguration(config: reader) else { return nil }
            if !seen.insert(tenant.id).inserted {
                reader.report("id", "duplicate tenant id \"\(tenant.id)\"")
            }
            return tenant
        }
        var names: Set<String> = []
        plugins = config.tables("plugins").compactMap { reader in
            guard let plugin = PluginConfiguration(config: reader, factories: factories) else { return nil }
            if !names.insert(plugin.name).inserted {
                reader.report("name", "duplicate plugin name \"\(plugin.name)\"")
            }
            return plugin
        }
    }

    /// The configuration in effect as TOML: every key with defaults filled in and numbers
    /// normalized; secrets would show only where they come from.
    public var effectiveTOML: String {
        var root = TOMLTable()
        root.set("server", .table(server.effective))
        root.set("storage", .table(storage.effective))
        root.set("log", .table(log.effective))
        root.set("simulation", .table(simulation.effective))
        root.set("auth", .table(auth.effective))
        root.set("tenants", .array(tenants.map { TOMLNode(.table($0.effective), at: TOMLPosition(line: 0, column: 0)) }))
        root.set("plugins", .array(plugins.map { TOMLNode(.table($0.effective), at: TOMLPosition(line: 0, column: 0)) }))
        return TOMLWriter.string(from: root)
    }
}
