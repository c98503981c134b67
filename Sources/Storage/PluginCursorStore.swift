/// Each plugin instance's durable cursor: the seq of the last event delivered to it, so
/// delivery resumes after a restart where it stopped.
///
/// Shares the database file with the ``EventLog`` on a connection of its own.
public final class PluginCursorStore: Sendable {
    private let database: DatabaseQueue

    /// Uses `database`, migrating its schema (``StorageSchema``) first. Throws
    /// ``MigrationError`` when the schema cannot be brought up to date.
    public init(database: DatabaseQueue) async throws {
        self.database = database
        try await database.access { try StorageSchema.migrator.migrate($0) }
    }

    /// The instance's cursor: the seq of the last event delivered to it, 0 if none ever was.
    public func cursor(for instance: String) async throws -> Int64 {
        try await database.access { database in
            let select = try database.prepare("SELECT seq FROM plugin_cursor WHERE instance = ?")
            try select.bind([.text(instance)])
            return try select.step() ? select.int64(at: 0) : 0
        }
    }

    /// Records `seq` as the last event delivered to `instance`, durably once this returns.
    /// The cursor may move backwards (a replay).
    public func setCursor(_ seq: Int64, for instance: String) async throws {
        try await database.access { database in
            try database.execute(
                "INSERT INTO plugin_cursor (instance, seq) VALUES (?, ?) ON CONFLICT (instance) DO UPDATE SET seq = excluded.seq",
                [.text(instance), .integer(seq)])
        }
    }

    /// Every instance with a cursor, and its cursor.
    public func allCursors() async throws -> [String: Int64] {
        try await database.access { database in
            let select = try database.prepare("SELECT instance, seq FROM plugin_cursor")
            var cursors: [String: Int64] = [:]
            while try select.step() { cursors[select.string(at: 0) ?? ""] = select.int64(at: 1) }
            return cursors
        }
    }

    /// Forgets the instance's cursor (it reads 0 again).
    public func removeCursor(for instance: String) async throws {
        try await database.access { database in
            try database.execute("DELETE FROM plugin_cursor WHERE instance = ?", [.text(instance)])
        }
    }
}
