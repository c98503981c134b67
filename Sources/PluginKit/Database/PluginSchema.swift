/// The tables a plugin kind keeps in the gateway's database: their namespace and the
/// migrations that create and change them.
///
/// Rules (those of the gateway's own migrations):
/// - every table, index, view and trigger is named `NAMESPACE_…` (e.g. `sms_ledger`); the
///   plugin's handle refuses any other;
/// - migrations are append-only: a new one goes at the end under a new name, a shipped one is
///   never edited;
/// - a migration is plain SQL text, never built from the plugin's current Swift types, so it
///   keeps meaning the same thing when the code around it changes.
///
/// The gateway runs every plugin's migrations once at start, in order, each in its own
/// transaction, recording each under the plugin kind's name.
public struct PluginSchema: Sendable {
    /// The table-name prefix, without the underscore: `sms` for `sms_ledger`. Lowercase
    /// letters and digits; unique among the gateway's plugin kinds.
    public var namespace: String
    /// The migrations, in the order they run.
    public var migrations: [PluginMigration]

    /// A schema of `migrations` in `namespace`.
    public init(namespace: String, migrations: [PluginMigration]) {
        self.namespace = namespace
        self.migrations = migrations
    }
}

/// One named schema change of a plugin: SQL statements run in one transaction.
public struct PluginMigration: Sendable, Hashable {
    /// The name the database records; unique within the plugin, never changed once shipped.
    public var name: String
    /// The statements, separated by semicolons.
    public var sql: String

    /// A migration named `name` running `sql`.
    public init(_ name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}
