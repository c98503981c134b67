public import PluginKit
import Synchronization

/// A `PluginStateStore` in memory, for plugin tests.
public final class InMemoryPluginStateStore: PluginStateStore {
    private let values = Mutex<[String: [UInt8]]>([:])

    /// Creates an empty store.
    public init() {}

    /// The value under `key`.
    public func value(for key: String) async throws -> [UInt8]? { values.withLock { $0[key] } }

    /// Stores `value`.
    public func set(_ value: [UInt8], for key: String) async throws { values.withLock { $0[key] = value } }

    /// Removes `key`.
    public func remove(_ key: String) async throws { _ = values.withLock { $0.removeValue(forKey: key) } }
}
