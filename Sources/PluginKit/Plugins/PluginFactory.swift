/// Makes plugin instances of one kind from their configuration sections: how a plugin is
/// registered with the gateway.
///
/// Implementation requirements: `makePlugin` reads every key it understands through
/// `config` (so unknown keys are reported) and reports each problem on it; it returns nil
/// when the section is unusable. It must not start processes or connections: that happens
/// on first delivery or in the plugin's own lazy set-up.
public protocol PluginFactory: Sendable {
    /// The `kind` value in config.toml that selects this factory, e.g. `webhook`.
    var kind: String { get }
    /// Makes the instance named `instance` from its section.
    func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)?
}
