/// Makes plugin instances of one kind from their configuration sections, and declares what
/// the kind brings beyond event delivery: how a plugin is registered with the gateway.
///
/// A kind may bring (each has a default that brings nothing):
/// - ``schema``: tables of its own, in its namespace, created by its migrations;
/// - ``start(instances:context:)``: once at start, with its instances and the gateway's
///   services (its database, the event log, the companies' directories), it returns its API
///   routes, its background services and the channels it offers the gateway
///   (``PluginExtensions``);
/// - ``commands``: `sentralbord` commands.
///
/// Implementation requirements: `makePlugin` reads every key it understands through
/// `config` (so unknown keys are reported) and reports each problem on it; it returns nil
/// when the section is unusable. It must not start processes or connections: that happens
/// in `start`, on first delivery, or in the plugin's own lazy set-up.
public protocol PluginFactory: Sendable {
    /// The `kind` value in config.toml that selects this factory, e.g. `webhook`.
    var kind: String { get }
    /// Makes the instance named `instance` from its section.
    func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)?
    /// The kind's tables, or nil for a kind without any.
    var schema: PluginSchema? { get }
    /// The kind's `sentralbord` commands.
    var commands: [PluginCommand] { get }
    /// Called once when the gateway starts, before any delivery, with every configured
    /// instance of this kind (possibly none); returns what the kind adds to the gateway.
    ///
    /// - Throws: when the kind cannot run; the gateway does not start then.
    func start(instances: [any Plugin], context: PluginKindContext) async throws -> PluginExtensions
}

extension PluginFactory {
    /// No tables.
    public var schema: PluginSchema? { nil }
    /// No commands.
    public var commands: [PluginCommand] { [] }
    /// Adds nothing.
    public func start(instances: [any Plugin], context: PluginKindContext) async throws -> PluginExtensions { PluginExtensions() }
}
