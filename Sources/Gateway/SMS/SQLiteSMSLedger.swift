public import Foundation
public import PluginKit
public import SMSPlugin
public import Storage

/// The SMS ledger in the gateway's SQLite database (table `sms_ledger`, see
/// ``StorageSchema``): the durable ``SMSLedger`` the SMS plugin and the billing exports use.
///
/// Each method is one transaction on the connection's own serial queue. Acceptance commits
/// before the SMS service reports success, so a crash between the provider's answer and the
/// commit leaves the row `reserved`: it is sent again (at worst one duplicate SMS), and
/// charged once.
public final class SQLiteSMSLedger: SMSLedger {
    private let database: DatabaseQueue

    /// Uses `database`, migrating its schema first. Throws ``MigrationError`` when the schema
    /// cannot be brought up to date.
    public init(database: DatabaseQueue) async throws {
        self.database = database
        try await database.access { try StorageSchema.migrator.migrate($0) }
    }

    static let columns = """
        id, idempotency_key, tenant, user, department, queue, purpose, recipient, recipient_masked, text, merge_group,
        notice_count, encoding, segments, unit_price_ore, net_ore, provider, provider_message_id, provider_segments,
        segment_mismatch, status, reason, created_at, send_after, expires_at, accepted_at, finished_at
        """

    /// See ``SMSLedger/reserve(_:within:)``.
    public func reserve(_ reservation: SMSReservation, within cap: SMSSpendCap?) async throws -> SMSReservationOutcome {
        try await database.access { database in
            try database.transaction {
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
    }

    /// See ``SMSLedger/merge(_:since:within:mergedText:)``.
    public func merge(
        _ reservation: SMSReservation, since: Date, within cap: SMSSpendCap?,
        mergedText: @escaping @Sendable (Int) -> (text: String, quote: SMSQuote)
    ) async throws -> SMSLedgerRecord? {
        try await database.access { database in
            try database.transaction { () throws -> SMSLedgerRecord? in
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
    }

    /// See ``SMSLedger/recordDropped(_:reason:at:)``.
    public func recordDropped(_ reservation: SMSReservation, reason: String, at: Date) async throws -> SMSLedgerRecord {
        try await database.access { database in
            try database.transaction {
                if let existing = try Self.select(database, where: "idempotency_key = ?", [.text(reservation.idempotencyKey)]).first {
                    return existing
                }
                return try Self.insert(database, reservation, status: .dropped, reason: reason, finishedAt: at)
            }
        }
    }

    /// See ``SMSLedger/due(at:limit:)``.
    public func due(at now: Date, limit: Int) async throws -> [SMSLedgerRecord] {
        try await database.access { database in
            try Self.select(
                database, where: "status = 'reserved' AND send_after <= ? ORDER BY send_after, id LIMIT ?",
                [.integer(now.millisecondsSince1970), .integer(Int64(limit))])
        }
    }

    /// See ``SMSLedger/record(forKey:)``.
    public func record(forKey key: String) async throws -> SMSLedgerRecord? {
        try await database.access { database in try Self.select(database, where: "idempotency_key = ?", [.text(key)]).first }
    }

    /// See ``SMSLedger/accept(id:provider:receipt:at:)``.
    public func accept(id: Int64, provider: String, receipt: SMSReceipt, at: Date) async throws -> SMSLedgerRecord? {
        try await database.access { database in
            try database.transaction {
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
    }

    /// See ``SMSLedger/finishUncharged(id:status:reason:at:)``.
    public func finishUncharged(id: Int64, status: SMSLedgerStatus, reason: String, at: Date) async throws {
        try await database.access { database in
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
        try await database.access { database in
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
        try await database.access { database in try Self.committedOre(database, tenant: tenant, from: from, to: to) }
    }

    private static func committedOre(_ database: SQLiteDatabase, tenant: String, from: Date, to: Date) throws -> Int {
        let select = try database.prepare(
            """
            SELECT coalesce(sum(CASE WHEN status = 'reserved' THEN segments * unit_price_ore ELSE net_ore END), 0)
            FROM sms_ledger WHERE tenant = ? AND created_at >= ? AND created_at < ?
            """)
        try select.bind([.text(tenant), .integer(from.millisecondsSince1970), .integer(to.millisecondsSince1970)])
        return try select.step() ? Int(select.int64(at: 0)) : 0
    }

    private static func optional(_ value: Int?) -> SQLiteValue { value.map { .integer(Int64($0)) } ?? .null }

    private static func optionalText(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }

    /// Inserts `reservation` in `status` and returns the row. Only a `reserved` row keeps the
    /// text and full recipient; a `merged` row carries no segments (its SMS is another row's).
    private static func insert(
        _ database: SQLiteDatabase, _ reservation: SMSReservation, status: SMSLedgerStatus, reason: String? = nil, finishedAt: Date? = nil
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
        guard let record = try select(database, where: "id = ?", [.integer(database.lastInsertRowID)]).first else {
            throw SQLiteError(extendedCode: 21, message: "the inserted sms_ledger row is missing")
        }
        return record
    }

    static func select(_ database: SQLiteDatabase, where condition: String, _ values: [SQLiteValue]) throws -> [SMSLedgerRecord] {
        let select = try database.prepare("SELECT \(columns) FROM sms_ledger WHERE \(condition)")
        try select.bind(values)
        var records: [SMSLedgerRecord] = []
        while try select.step() { records.append(record(from: select)) }
        return records
    }

    static func record(from row: SQLiteStatement) -> SMSLedgerRecord {
        func text(_ index: Int32) -> String? { row.isNull(at: index) ? nil : row.string(at: index) }
        func integer(_ index: Int32) -> Int? { row.isNull(at: index) ? nil : Int(row.int64(at: index)) }
        func date(_ index: Int32) -> Date? { row.isNull(at: index) ? nil : Date(millisecondsSince1970: row.int64(at: index)) }
        return SMSLedgerRecord(
            id: row.int64(at: 0), idempotencyKey: text(1) ?? "", tenant: text(2) ?? "", user: text(3), department: text(4),
            queue: text(5), purpose: SMSPurpose(rawValue: text(6) ?? "") ?? .phone, recipient: text(7),
            maskedRecipient: text(8) ?? "", text: text(9), mergeGroup: text(10), noticeCount: integer(11) ?? 1,
            encoding: SMSEncoding(rawValue: text(12) ?? "") ?? .gsm7, segments: integer(13) ?? 0,
            unitPriceOre: integer(14) ?? 0, netOre: integer(15) ?? 0, provider: text(16), providerMessageID: text(17),
            providerSegments: integer(18), segmentMismatch: integer(19) == 1,
            status: SMSLedgerStatus(rawValue: text(20) ?? "") ?? .reserved, reason: text(21),
            createdAt: date(22) ?? Date(timeIntervalSince1970: 0), sendAfter: date(23) ?? Date(timeIntervalSince1970: 0),
            expiresAt: date(24) ?? Date(timeIntervalSince1970: 0), acceptedAt: date(25), finishedAt: date(26))
    }
}
