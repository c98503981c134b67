public import Foundation
public import PluginKit

/// The SMS ledger in the SMS plugin's own table `sms_ledger` (``SMSSchema``), through the
/// plugin's ``PluginDatabase``: the durable ``SMSLedger`` the SMS service and the billing
/// exports use.
///
/// Each method is one transaction. Acceptance commits before the SMS service reports success,
/// so a crash between the provider's answer and the commit leaves the row `reserved`: it is
/// sent again (at worst one duplicate SMS), and charged once. Rows are read by column name; a
/// row that does not decode (a value of the wrong type, an unknown status) fails the call
/// instead of turning into a plausible record.
public final class DatabaseSMSLedger: SMSLedger {
    private let database: any PluginDatabase

    /// Uses the SMS plugin's tables in `database` (migrated by whoever opened it).
    public init(database: any PluginDatabase) {
        self.database = database
    }

    static let columns = """
        id, idempotency_key, tenant, user, department, queue, purpose, recipient, recipient_masked, text, merge_group,
        notice_count, encoding, segments, unit_price_ore, net_ore, provider, provider_message_id, provider_segments,
        segment_mismatch, status, reason, created_at, send_after, expires_at, accepted_at, finished_at
        """

    /// See ``SMSLedger/reserve(_:within:)``.
    public func reserve(_ reservation: SMSReservation, within cap: SMSSpendCap?) async throws -> SMSReservationOutcome {
        try await database.write { database in
            if let existing = try Self.select(database, where: "idempotency_key = ?", [.text(reservation.idempotencyKey)]).first {
                return .existing(existing)
            }
            if let cap {
                let committed = try Self.committedOre(database, tenant: reservation.tenant, from: cap.from, to: cap.to)
                guard cap.admits(reservation.quote.priceOre, committedOre: committed) else { return .overSpendCap(committedOre: committed) }
            }
            return .reserved(try Self.insert(database, reservation, status: .reserved))
        }
    }

    /// See ``SMSLedger/merge(_:since:within:mergedText:)``.
    public func merge(
        _ reservation: SMSReservation, since: Date, within cap: SMSSpendCap?,
        mergedText: @escaping @Sendable (Int) -> (text: String, quote: SMSQuote)
    ) async throws -> SMSLedgerRecord? {
        try await database.write { database in
            if let existing = try Self.select(database, where: "idempotency_key = ?", [.text(reservation.idempotencyKey)]).first {
                return existing
            }
            guard let group = reservation.mergeGroup,
                let target = try Self.select(
                    database,
                    where: "tenant = ? AND merge_group = ? AND status = 'reserved' AND created_at >= ? ORDER BY id DESC LIMIT 1",
                    [.text(reservation.tenant), .text(group), .integer(since.millisecondsSince1970)]
                ).first
            else { return nil }
            let count = target.noticeCount + 1
            let (text, quote) = mergedText(count)
            if let cap {
                let added = (quote.segments - target.segments) * target.unitPriceOre
                let committed = try Self.committedOre(database, tenant: reservation.tenant, from: cap.from, to: cap.to)
                guard cap.admits(added, committedOre: committed) else { return nil }
            }
            try database.execute(
                "UPDATE sms_ledger SET text = ?, notice_count = ?, encoding = ?, segments = ? WHERE id = ?",
                [.text(text), .integer(Int64(count)), .text(quote.encoding.rawValue), .integer(Int64(quote.segments)), .integer(target.id)])
            _ = try Self.insert(database, reservation, status: .merged)
            return try Self.select(database, where: "id = ?", [.integer(target.id)]).first
        }
    }

    /// See ``SMSLedger/recordDropped(_:reason:at:)``.
    public func recordDropped(_ reservation: SMSReservation, reason: String, at: Date) async throws -> SMSLedgerRecord {
        try await database.write { database in
            if let existing = try Self.select(database, where: "idempotency_key = ?", [.text(reservation.idempotencyKey)]).first {
                return existing
            }
            return try Self.insert(database, reservation, status: .dropped, reason: reason, finishedAt: at)
        }
    }

    /// See ``SMSLedger/due(at:limit:)``.
    public func due(at now: Date, limit: Int) async throws -> [SMSLedgerRecord] {
        try await database.read { database in
            try Self.select(
                database, where: "status = 'reserved' AND send_after <= ? ORDER BY send_after, id LIMIT ?",
                [.integer(now.millisecondsSince1970), .integer(Int64(limit))])
        }
    }

    /// See ``SMSLedger/record(forKey:)``.
    public func record(forKey key: String) async throws -> SMSLedgerRecord? {
        try await database.read { database in try Self.select(database, where: "idempotency_key = ?", [.text(key)]).first }
    }

    /// See ``SMSLedger/accept(id:provider:receipt:at:)``.
    public func accept(id: Int64, provider: String, receipt: SMSReceipt, at: Date) async throws -> SMSLedgerRecord? {
        try await database.write { database in
            try database.execute(
                """
                UPDATE sms_ledger SET status = 'accepted', net_ore = segments * unit_price_ore, provider = ?,
                    provider_message_id = ?, provider_segments = ?, segment_mismatch = coalesce(? != segments, 0),
                    accepted_at = ?, text = NULL, recipient = NULL
                WHERE id = ? AND status = 'reserved'
                """,
                [
                    .text(provider), .text(receipt.providerMessageID), Self.optional(receipt.providerSegments),
                    Self.optional(receipt.providerSegments), .integer(at.millisecondsSince1970), .integer(id),
                ])
            return try Self.select(database, where: "id = ?", [.integer(id)]).first
        }
    }

    /// See ``SMSLedger/finishUncharged(id:status:reason:at:)``.
    public func finishUncharged(id: Int64, status: SMSLedgerStatus, reason: String, at: Date) async throws {
        try await database.write { database in
            try database.execute(
                """
                UPDATE sms_ledger SET status = ?, reason = ?, finished_at = ?, text = NULL, recipient = NULL
                WHERE id = ? AND status = 'reserved'
                """,
                [.text(status.rawValue), .text(reason), .integer(at.millisecondsSince1970), .integer(id)])
        }
    }

    /// See ``SMSLedger/reportDelivery(provider:providerMessageID:delivered:providerSegments:reason:at:)``.
    public func reportDelivery(
        provider: String, providerMessageID: String, delivered: Bool, providerSegments: Int?, reason: String?, at: Date
    ) async throws -> Bool {
        try await database.write { database in
            try database.execute(
                """
                UPDATE sms_ledger SET status = ?, reason = ?, finished_at = ?,
                    provider_segments = coalesce(?, provider_segments),
                    segment_mismatch = coalesce(coalesce(?, provider_segments) != segments, 0)
                WHERE provider = ? AND provider_message_id = ? AND \(SMSLedgerCondition.charged)
                """,
                [
                    .text(delivered ? "delivered" : "failed"), reason.map { .text($0) } ?? .null,
                    .integer(at.millisecondsSince1970), Self.optional(providerSegments), Self.optional(providerSegments),
                    .text(provider), .text(providerMessageID),
                ])
            return database.changes > 0
        }
    }

    /// See ``SMSLedger/committedOre(tenant:from:to:)``.
    public func committedOre(tenant: String, from: Date, to: Date) async throws -> Int {
        try await database.read { database in try Self.committedOre(database, tenant: tenant, from: from, to: to) }
    }

    private static func committedOre(_ database: any DatabaseReader, tenant: String, from: Date, to: Date) throws -> Int {
        try database.row(
            """
            SELECT coalesce(sum(CASE WHEN status = 'reserved' THEN segments * unit_price_ore ELSE net_ore END), 0) AS committed
            FROM sms_ledger WHERE tenant = ? AND created_at >= ? AND created_at < ?
            """,
            [.text(tenant), .integer(from.millisecondsSince1970), .integer(to.millisecondsSince1970)])?.get("committed") ?? 0
    }

    private static func optional(_ value: Int?) -> DatabaseValue { value.map { .integer(Int64($0)) } ?? .null }

    private static func optionalText(_ value: String?) -> DatabaseValue { value.map { .text($0) } ?? .null }

    /// Inserts `reservation` in `status` and returns the row. Only a `reserved` row keeps the
    /// text and full recipient; a `merged` row carries no segments (its SMS is another row's).
    private static func insert(
        _ database: any DatabaseWriter, _ reservation: SMSReservation, status: SMSLedgerStatus, reason: String? = nil, finishedAt: Date? = nil
    ) throws -> SMSLedgerRecord {
        let keepsMessage = status == .reserved
        try database.execute(
            """
            INSERT INTO sms_ledger (idempotency_key, tenant, user, department, queue, purpose, recipient, recipient_masked,
                text, merge_group, encoding, segments, unit_price_ore, status, reason, created_at, send_after, expires_at,
                finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(reservation.idempotencyKey), .text(reservation.tenant), optionalText(reservation.user),
                optionalText(reservation.department), optionalText(reservation.queue), .text(reservation.purpose.rawValue),
                keepsMessage ? .text(reservation.recipient) : .null, .text(SMSReservation.mask(reservation.recipient)),
                keepsMessage ? .text(reservation.text) : .null, optionalText(reservation.mergeGroup),
                .text(reservation.quote.encoding.rawValue), .integer(Int64(status == .merged ? 0 : reservation.quote.segments)),
                .integer(Int64(reservation.quote.unitPriceOre)), .text(status.rawValue), optionalText(reason),
                .integer(reservation.createdAt.millisecondsSince1970), .integer(reservation.sendAfter.millisecondsSince1970),
                .integer(reservation.expiresAt.millisecondsSince1970), finishedAt.map { .integer($0.millisecondsSince1970) } ?? .null,
            ])
        guard let record = try select(database, where: "id = ?", [.integer(database.lastInsertedRowID)]).first else {
            throw PluginDatabaseError.failed("the inserted sms_ledger row is missing")
        }
        return record
    }

    static func select(_ database: any DatabaseReader, where condition: String, _ values: [DatabaseValue]) throws -> [SMSLedgerRecord] {
        try database.rows("SELECT \(columns) FROM sms_ledger WHERE \(condition)", values).map(record(from:))
    }

    static func record(from row: DatabaseRow) throws(PluginDatabaseError) -> SMSLedgerRecord {
        SMSLedgerRecord(
            id: try row.get("id"), idempotencyKey: try row.get("idempotency_key"), tenant: try row.get("tenant"), user: try row.get("user"),
            department: try row.get("department"), queue: try row.get("queue"), purpose: try row.get("purpose"),
            recipient: try row.get("recipient"), maskedRecipient: try row.get("recipient_masked"), text: try row.get("text"),
            mergeGroup: try row.get("merge_group"), noticeCount: try row.get("notice_count"), encoding: try row.get("encoding"),
            segments: try row.get("segments"), unitPriceOre: try row.get("unit_price_ore"), netOre: try row.get("net_ore"),
            provider: try row.get("provider"), providerMessageID: try row.get("provider_message_id"),
            providerSegments: try row.get("provider_segments"), segmentMismatch: try row.get("segment_mismatch"),
            status: try row.get("status"), reason: try row.get("reason"), createdAt: try row.get("created_at"),
            sendAfter: try row.get("send_after"), expiresAt: try row.get("expires_at"), acceptedAt: try row.get("accepted_at"),
            finishedAt: try row.get("finished_at"))
    }
}
