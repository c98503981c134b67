/// SQL conditions on the `sms_ledger` table that more than one reader or writer uses, each
/// written once.
enum SMSLedgerCondition {
    /// The row is charged: a provider accepted it (`accepted`, later `delivered` or `failed`).
    ///
    /// It is also the `WHERE` of the partial index `sms_ledger_charged` (migration
    /// "create sms_ledger" in ``SMSSchema``), and SQLite uses a partial index only for a query
    /// carrying the same term: the two texts must stay equal (`DatabaseSMSLedgerTests` checks that the
    /// export's query uses the index). A shipped migration never changes, so neither does this
    /// text: another rule needs a new index in a new migration.
    static let charged = "status IN ('accepted', 'delivered', 'failed')"
}
