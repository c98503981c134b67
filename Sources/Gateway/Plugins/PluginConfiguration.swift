public import PluginKit
public import TOML

/// A configured plugin instance: one element of `[[plugins]]`. The host reads the keys below;
/// the rest of the table belongs to the plugin kind's factory (docs/plugins.md lists them).
public struct PluginConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Key `name` (required): the instance name, unique in the gateway.
    public var name: String
    /// Key `kind` (required): which plugin, e.g. `webhook` or `exec`.
    public var kind: String
    /// Keys `types`, `tenants`, `queues`, `users`: which events the instance gets.
    public var filter: EventFilter
    /// Keys `timeout_seconds`, `max_attempts`, `max_age_seconds`, `backoff_initial_ms`,
    /// `backoff_max_seconds`, `breaker_failures`, `breaker_cooldown_seconds`.
    public var policy: DeliveryPolicy
    /// The instance the factory made.
    public var plugin: any Plugin
    /// The kind's own keys as read by its factory, secrets redacted (for `check-config`).
    public var settings: TOMLTable

    /// Reads one instance and has the kind's factory make it; nil when anything is wrong
    /// (each problem is reported on `config`).
    init?(config: ConfigReader, factories: [any PluginFactory]) {
        let name = config.identifier("name")
        let kind = config.string("kind", required: true)
        filter = EventFilter(
            types: config.strings("types"), tenants: Set(config.strings("tenants")),
            queues: Set(config.strings("queues")), users: Set(config.strings("users")))
        policy = DeliveryPolicy(config: config)
        guard let name, let kind else {
            config.acceptRemainingKeys()
            return nil
        }
        guard let factory = factories.first(where: { $0.kind == kind }) else {
            let known = factories.map { "\"\($0.kind)\"" }.joined(separator: ", ")
            config.report("kind", "unknown plugin kind \"\(kind)\"; expected one of: \(known)")
            config.acceptRemainingKeys()
            return nil
        }
        guard let plugin = factory.makePlugin(instance: name, filter: filter, config: config) else { return nil }
        settings = config.valuesRead(excluding: Self.hostKeys)
        self.name = name
        self.kind = kind
        self.plugin = plugin
    }

    /// The keys the host reads; the rest of the table is the kind's.
    static let hostKeys: Set<String> = [
        "name", "kind", "types", "tenants", "queues", "users", "timeout_seconds", "max_attempts", "max_age_seconds",
        "backoff_initial_ms", "backoff_max_seconds", "breaker_failures", "breaker_cooldown_seconds",
    ]

    /// Instances are equal when they are configured alike (the plugin itself is not compared).
    public static func == (lhs: PluginConfiguration, rhs: PluginConfiguration) -> Bool {
        lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.filter == rhs.filter && lhs.policy == rhs.policy
            && TOMLWriter.string(from: lhs.settings) == TOMLWriter.string(from: rhs.settings)
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("name", .string(name))
        table.set("kind", .string(kind))
        let strings = { (values: [String]) in TOMLValue.array(values.map { TOMLNode(.string($0), at: TOMLPosition(line: 0, column: 0)) }) }
        table.set("types", strings(filter.types))
        table.set("tenants", strings(filter.tenants.sorted()))
        table.set("queues", strings(filter.queues.sorted()))
        table.set("users", strings(filter.users.sorted()))
        table.set("timeout_seconds", .integer(Int64(policy.timeout.components.seconds)))
        table.set("max_attempts", .integer(Int64(policy.maxAttempts)))
        table.set("max_age_seconds", .integer(Int64(policy.maxAge.components.seconds)))
        table.set("backoff_initial_ms", .integer(Int64((policy.initialBackoff.seconds * 1000).rounded())))
        table.set("backoff_max_seconds", .integer(Int64(policy.maxBackoff.components.seconds)))
        table.set("breaker_failures", .integer(Int64(policy.breakerThreshold)))
        table.set("breaker_cooldown_seconds", .integer(Int64(policy.breakerCooldown.components.seconds)))
        for (key, node) in settings.entries { table[key] = node }
        return table
    }
}
