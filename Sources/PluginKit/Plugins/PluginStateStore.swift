/// A small durable key-value store of one plugin instance (e.g. a provider's token expiry,
/// the last id it saw). Values survive restarts; keys are per instance.
///
/// Implementation requirements: `set` returns after the value is durable; a failing store
/// throws rather than losing a write silently.
public protocol PluginStateStore: Sendable {
    /// The value stored under `key`, or nil.
    func value(for key: String) async throws -> [UInt8]?
    /// Stores `value` under `key`, replacing any earlier value.
    func set(_ value: [UInt8], for key: String) async throws
    /// Removes `key`.
    func remove(_ key: String) async throws
}
