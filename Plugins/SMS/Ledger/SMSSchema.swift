public import PluginKit

/// The SMS plugin's tables (namespace `sms`): the SMS ledger (GW-3), one row per SMS, or per
/// missed-call notice merged into another row's SMS. `idempotency_key` (event id | recipient |
/// purpose) is UNIQUE, so retries and crashes find the row instead of charging again.
/// `net_ore` is 0 until a provider accepts. `recipient` and `text` are kept only while the row
/// is `reserved`. Times are milliseconds since 1970 (UTC).
///
/// Databases written before the ledger moved here recorded its migration as the gateway's
/// `create sms_ledger`; the gateway's migrator renames that record to `sms/create sms_ledger`,
/// so it does not run again.
public enum SMSSchema {
    /// The schema, in the order its migrations run.
    public static let schema = PluginSchema(namespace: "sms", migrations: [
        PluginMigration("create sms_ledger", sql: """
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
                WHERE status IN ('accepted', 'delivered', 'failed');
            """),
    ])
}
