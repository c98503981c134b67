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

        // The SMS ledger (GW-3): one row per SMS, or per missed-call notice merged into
        // another row's SMS. `idempotency_key` (event id | recipient | purpose) is UNIQUE, so
        // retries and crashes find the row instead of charging again. `net_ore` is 0 until a
        // provider accepts. `recipient` and `text` are kept only while the row is `reserved`.
        // Times are milliseconds since 1970 (UTC).
        migrator.registerMigration("create sms_ledger") { database in
            try database.execute("""
                CREATE TABLE sms_ledger (
                    id INTEGER PRIMARY KEY,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    tenant TEXT NOT NULL,
                    user TEXT,
                    department TEXT,
                    queue TEXT,
                    purpose TEXT NOT NULL,
                    recipient TEXT,
                    recipient_masked TEXT NOT NULL,
                    text TEXT,
                    merge_group TEXT,
                    notice_count INTEGER NOT NULL DEFAULT 1,
                    encoding TEXT NOT NULL,
                    segments INTEGER NOT NULL,
                    unit_price_ore INTEGER NOT NULL,
                    net_ore INTEGER NOT NULL DEFAULT 0,
                    provider TEXT,
                    provider_message_id TEXT,
                    provider_segments INTEGER,
                    segment_mismatch INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL CHECK (status IN
                        ('reserved', 'accepted', 'delivered', 'failed', 'released', 'dropped', 'merged')),
                    reason TEXT,
                    created_at INTEGER NOT NULL,
                    send_after INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    accepted_at INTEGER,
                    finished_at INTEGER
                );
                CREATE INDEX sms_ledger_due ON sms_ledger (send_after) WHERE status = 'reserved';
                CREATE INDEX sms_ledger_tenant_created ON sms_ledger (tenant, created_at);
                CREATE INDEX sms_ledger_provider_message ON sms_ledger (provider, provider_message_id)
                    WHERE provider_message_id IS NOT NULL;
                CREATE INDEX sms_ledger_charged ON sms_ledger (accepted_at)
                    WHERE \(SMSLedgerCondition.charged);
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
        return migrator
    }()
}
