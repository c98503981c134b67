import PluginKit
import Storage

/// One plugin instance's view of the shared key-value state table.
struct InstanceState: PluginStateStore {
    let instance: String
    let store: PluginStateTable

    func value(for key: String) async throws -> [UInt8]? {
        try await store.value(forKey: key, instance: instance)
    }

    func set(_ value: [UInt8], for key: String) async throws {
        try await store.setValue(value, forKey: key, instance: instance)
    }

    func remove(_ key: String) async throws {
        try await store.setValue(nil, forKey: key, instance: instance)
    }
}
