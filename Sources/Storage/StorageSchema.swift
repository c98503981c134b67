public import PluginKit

/// The schema of Sentralbord's database, as the timeline of migrations that builds it: the
/// gateway's own tables here, each plugin kind's in its ``PluginSchema``.
///
/// The database is migrated once, in one place: ``migrate(_:plugins:)``, which the gateway
/// calls when it opens its storage (tools and tests that use a table alone call it too). The
/// tables' types do not migrate. Append new migrations at the end; never edit a shipped one
/// (see ``DatabaseMigrator``).
public enum StorageSchema {
    /// Brings `database` up to date: the gateway's migrations and those of `plugins` (each
    /// schema with the plugin kind that owns it), in one pass.
    ///
    /// - Throws: ``MigrationError``.
    public static func migrate(_ database: SQLiteDatabase, plugins: [(kind: String, schema: PluginSchema)] = []) throws(MigrationError) {
        var migrator = Self.migrator
        for plugin in plugins { migrator.register(plugin.schema, owner: plugin.kind) }
        try migrator.migrate(database)
    }

    /// ``migrate(_:plugins:)`` on `database`'s queue.
    public static func migrate(_ database: DatabaseQueue, plugins: [(kind: String, schema: PluginSchema)] = []) async throws {
        try await database.access { try migrate($0, plugins: plugins) }
    }

    /// The gateway's own migrations, in order.
    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        // The SMS ledger was created here until the SMS plugin brought its own schema.
        migrator.recordMove(from: "create sms_ledger", to: "sms/create sms_ledger")

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
        // Who may use the API: one-time login codes (hashed with a per-code salt), sessions
        // and API keys (SHA-256 of the token; the token itself is never stored), responses
        // kept for Idempotency-Key retries, and profile pictures.
        migrator.registerMigration("create access tables") { database in
            try database.execute("""
                CREATE TABLE login_challenge (
                    id TEXT PRIMARY KEY,
                    tenant TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    salt BLOB NOT NULL,
                    code_hash BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    used_at INTEGER
                ) WITHOUT ROWID;
                CREATE TABLE session (
                    token_hash BLOB PRIMARY KEY,
                    tenant TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    revoked_at INTEGER
                ) WITHOUT ROWID;
                CREATE TABLE api_key (
                    id TEXT PRIMARY KEY,
                    tenant TEXT NOT NULL,
                    name TEXT NOT NULL,
                    key_hash BLOB NOT NULL UNIQUE,
                    scopes TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                ) WITHOUT ROWID;
                CREATE INDEX api_key_tenant ON api_key (tenant);
                CREATE TABLE idempotency_record (
                    tenant TEXT NOT NULL,
                    principal TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint BLOB NOT NULL,
                    status INTEGER NOT NULL,
                    content_type TEXT,
                    body BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant, principal, key)
                ) WITHOUT ROWID;
                CREATE TABLE profile_picture (
                    tenant TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    bytes BLOB NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant, user_id)
                ) WITHOUT ROWID;
                """)
        }

        // Indexes for the access tables' purges and revocations.
        migrator.registerMigration("index access tables") { database in
            try database.execute("""
                CREATE INDEX login_challenge_expires ON login_challenge (expires_at);
                CREATE INDEX session_user ON session (tenant, user_id);
                CREATE INDEX session_expires ON session (expires_at);
                CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
                """)
        }
        // Who of a company may see an event: NULL for everyone, `user:ID` or `role:NAME`
        // (``EventVisibility``). Notifications logged before were for the user they name.
        migrator.registerMigration("add event visible_to") { database in
            try database.execute("""
                ALTER TABLE event ADD COLUMN visible_to TEXT;
                UPDATE event SET visible_to = 'user:' || json_extract(data, '$.user')
                    WHERE type LIKE 'notification.%' AND json_type(data, '$.user') = 'text';
                """)
        }
        return migrator
    }()
}
