/// Which configured plugin instance this is: its kind (`webhook`, `exec`, `sms`, …) and the
/// instance name from config.toml (`[[plugins]] name = "crm"`). Cursors, dead letters, state
/// and log lines are kept per instance.
public struct PluginIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The plugin kind, e.g. `webhook`.
    public var kind: String
    /// The instance name, unique in a gateway, e.g. `crm`.
    public var instance: String

    /// Creates an identity.
    public init(kind: String, instance: String) {
        self.kind = kind
        self.instance = instance
    }

    /// `kind/instance`.
    public var description: String { "\(kind)/\(instance)" }
}
