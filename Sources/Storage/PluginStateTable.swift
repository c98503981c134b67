import PluginKit

/// Each plugin instance's small durable key-value state (tokens, last sync marks): bytes
/// under a key, per instance. Values are meant to be small (kilobytes); every call is one
/// transaction.
///
/// Shares the database file with the ``EventLog`` on a connection of its own.
public final class PluginStateTable: Sendable {
    private let database: DatabaseQueue

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// The bytes stored under `key` for `instance`, or nil if there are none.
    public func value(forKey key: String, instance: String) async throws -> [UInt8]? {
        try await database.access { database in
            let select = try database.prepare("SELECT value FROM plugin_state WHERE instance = ? AND key = ?")
            try select.bind([.text(instance), .text(key)])
            return try select.step() ? try select.namedRow().get("value", as: [UInt8].self) : nil
        }
    }

    /// Stores `value` under `key` for `instance`, replacing what was there; nil removes the
    /// key. Durable once this returns.
    public func setValue(_ value: [UInt8]?, forKey key: String, instance: String) async throws {
        try await database.access { database in
            if let value {
                try database.execute(
                    "INSERT INTO plugin_state (instance, key, value) VALUES (?, ?, ?) ON CONFLICT (instance, key) DO UPDATE SET value = excluded.value",
                    [.text(instance), .text(key), .blob(value)])
            } else {
                try database.execute("DELETE FROM plugin_state WHERE instance = ? AND key = ?", [.text(instance), .text(key)])
            }
        }
    }

    /// The keys stored for `instance`, sorted.
    public func keys(instance: String) async throws -> [String] {
        try await database.access { database in
            let select = try database.prepare("SELECT key FROM plugin_state WHERE instance = ? ORDER BY key")
            try select.bind([.text(instance)])
            var keys: [String] = []
            while try select.step() { keys.append(try select.namedRow().get("key")) }
            return keys
        }
    }

    /// Removes every key of `instance`.
    public func removeAll(instance: String) async throws {
        try await database.access { database in
            try database.execute("DELETE FROM plugin_state WHERE instance = ?", [.text(instance)])
        }
    }
}
