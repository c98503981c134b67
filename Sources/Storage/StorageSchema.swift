/// The schema of Sentralbord's database, as the timeline of migrations that builds it.
///
/// Every component that opens the database (``EventLog``, ``PluginDeliveryLedger``,
/// ``PluginStateTable``) migrates it with ``migrator`` first, so whichever opens first
/// creates the schema. Append new migrations at the end; never edit a shipped one (see
/// ``DatabaseMigrator``).
public enum StorageSchema {
    /// Every migration this build knows, in order.
    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()

        // The event log. `seq` is the rowid, given by the log writer: strictly increasing,
        // no gaps. `occurred_at` is milliseconds since 1970 (UTC); `data` the JSON object.
        migrator.registerMigration("create event") { database in
            try database.execute("""
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    tenant TEXT NOT NULL,
                    type TEXT NOT NULL,
                    call_id TEXT,
                    call_seq INTEGER,
                    occurred_at INTEGER NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX event_tenant_seq ON event (tenant, seq);
                CREATE INDEX event_call ON event (call_id, call_seq) WHERE call_id IS NOT NULL;
                """)
        }

        // Each plugin instance's cursor: the last event seq delivered to it.
        migrator.registerMigration("create plugin_cursor") { database in
            try database.execute("""
                CREATE TABLE plugin_cursor (
                    instance TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL
                ) WITHOUT ROWID
                """)
        }

        // Each plugin instance's small durable key-value state.
        migrator.registerMigration("create plugin_state") { database in
            try database.execute("""
                CREATE TABLE plugin_state (
                    instance TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value BLOB NOT NULL,
                    PRIMARY KEY (instance, key)
                ) WITHOUT ROWID
                """)
        }

        // Each plugin instance's delivery status (JSON, written with its cursor) and the
        // events it gave up on, until they are replayed.
        migrator.registerMigration("create plugin_status and plugin_dead_letter") { database in
            try database.execute("""
                CREATE TABLE plugin_status (
                    instance TEXT PRIMARY KEY,
                    status TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE plugin_dead_letter (
                    instance TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    event TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    first_attempt_at INTEGER NOT NULL,
                    last_attempt_at INTEGER NOT NULL,
                    PRIMARY KEY (instance, seq)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }()
}
