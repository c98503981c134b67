public import Foundation
public import PluginKit
import Synchronization

/// An ``SMSLedger`` in memory, for tests and for tools that need no durability. Keeps every
/// requirement of the protocol except surviving the process.
public final class InMemorySMSLedger: SMSLedger {
    private let rows = Mutex<[SMSLedgerRecord]>([])

    /// Creates an empty ledger.
    public init() {}

    /// Every row, in id order.
    public var records: [SMSLedgerRecord] { rows.withLock { $0 } }

    /// See ``SMSLedger/reserve(_:within:)``.
    public func reserve(_ reservation: SMSReservation, within cap: SMSSpendCap?) async throws -> SMSReservationOutcome {
        rows.withLock { rows in
            if let existing = rows.first(where: { $0.idempotencyKey == reservation.idempotencyKey }) {
                return .existing(existing)
            }
            if let cap {
                let committed = Self.committedOre(rows, tenant: reservation.tenant, from: cap.from, to: cap.to)
                guard cap.admits(reservation.quote.priceOre, committedOre: committed) else { return .overSpendCap(committedOre: committed) }
            }
            let record = Self.record(id: Int64(rows.count + 1), reservation, status: .reserved)
            rows.append(record)
            return .reserved(record)
        }
    }

    /// See ``SMSLedger/merge(_:since:within:mergedText:)``.
    public func merge(
        _ reservation: SMSReservation, since: Date, within cap: SMSSpendCap?,
        mergedText: @escaping @Sendable (Int) -> (text: String, quote: SMSQuote)
    ) async throws -> SMSLedgerRecord? {
        rows.withLock { rows in
            if let existing = rows.first(where: { $0.idempotencyKey == reservation.idempotencyKey }) {
                return existing
            }
            guard let group = reservation.mergeGroup,
                let index = rows.lastIndex(where: {
                    $0.tenant == reservation.tenant && $0.mergeGroup == group && $0.status == .reserved && $0.createdAt >= since
                })
            else { return nil }
            let count = rows[index].noticeCount + 1
            let (text, quote) = mergedText(count)
            if let cap {
                let added = (quote.segments - rows[index].segments) * rows[index].unitPriceOre
                let committed = Self.committedOre(rows, tenant: reservation.tenant, from: cap.from, to: cap.to)
                guard cap.admits(added, committedOre: committed) else { return nil }
            }
            rows[index].text = text
            rows[index].noticeCount = count
            rows[index].encoding = quote.encoding
            rows[index].segments = quote.segments
            var merged = Self.record(id: Int64(rows.count + 1), reservation, status: .merged)
            merged.text = nil
            merged.recipient = nil
            merged.segments = 0
            rows.append(merged)
            return rows[index]
        }
    }

    /// See ``SMSLedger/recordDropped(_:reason:at:)``.
    public func recordDropped(_ reservation: SMSReservation, reason: String, at: Date) async throws -> SMSLedgerRecord {
        rows.withLock { rows in
            if let existing = rows.first(where: { $0.idempotencyKey == reservation.idempotencyKey }) {
                return existing
            }
            var dropped = Self.record(id: Int64(rows.count + 1), reservation, status: .dropped)
            dropped.text = nil
            dropped.recipient = nil
            dropped.reason = reason
            dropped.finishedAt = at
            rows.append(dropped)
            return dropped
        }
    }

    /// See ``SMSLedger/due(at:limit:)``.
    public func due(at now: Date, limit: Int) async throws -> [SMSLedgerRecord] {
        rows.withLock { rows in Array(rows.filter { $0.status == .reserved && $0.sendAfter <= now }.prefix(limit)) }
    }

    /// See ``SMSLedger/record(forKey:)``.
    public func record(forKey key: String) async throws -> SMSLedgerRecord? {
        rows.withLock { rows in rows.first { $0.idempotencyKey == key } }
    }

    /// See ``SMSLedger/accept(id:provider:receipt:at:)``.
    public func accept(id: Int64, provider: String, receipt: SMSReceipt, at: Date) async throws -> SMSLedgerRecord? {
        rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.id == id }) else { return nil }
            guard rows[index].status == .reserved else { return rows[index] }
            rows[index].status = .accepted
            rows[index].netOre = rows[index].segments * rows[index].unitPriceOre
            rows[index].provider = provider
            rows[index].providerMessageID = receipt.providerMessageID
            rows[index].providerSegments = receipt.providerSegments
            rows[index].segmentMismatch = receipt.providerSegments.map { $0 != rows[index].segments } ?? false
            rows[index].acceptedAt = at
            rows[index].text = nil
            rows[index].recipient = nil
            return rows[index]
        }
    }

    /// See ``SMSLedger/finishUncharged(id:status:reason:at:)``.
    public func finishUncharged(id: Int64, status: SMSLedgerStatus, reason: String, at: Date) async throws {
        rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.id == id }), rows[index].status == .reserved else { return }
            rows[index].status = status
            rows[index].reason = reason
            rows[index].finishedAt = at
            rows[index].text = nil
            rows[index].recipient = nil
        }
    }

    /// See ``SMSLedger/reportDelivery(provider:providerMessageID:delivered:providerSegments:reason:at:)``.
    public func reportDelivery(
        provider: String, providerMessageID: String, delivered: Bool, providerSegments: Int?, reason: String?, at: Date
    ) async throws -> Bool {
        rows.withLock { rows in
            guard let index = rows.firstIndex(where: {
                $0.provider == provider && $0.providerMessageID == providerMessageID && $0.status.isCharged
            }) else { return false }
            rows[index].status = delivered ? .delivered : .failed
            rows[index].reason = reason
            rows[index].finishedAt = at
            if let providerSegments {
                rows[index].providerSegments = providerSegments
                rows[index].segmentMismatch = providerSegments != rows[index].segments
            }
            return true
        }
    }

    /// See ``SMSLedger/committedOre(tenant:from:to:)``.
    public func committedOre(tenant: String, from: Date, to: Date) async throws -> Int {
        rows.withLock { rows in Self.committedOre(rows, tenant: tenant, from: from, to: to) }
    }

    private static func committedOre(_ rows: [SMSLedgerRecord], tenant: String, from: Date, to: Date) -> Int {
        rows.filter { $0.tenant == tenant && $0.createdAt >= from && $0.createdAt < to }
            .reduce(0) { sum, row in
                sum + (row.status.isCharged ? row.netOre : row.status == .reserved ? row.segments * row.unitPriceOre : 0)
            }
    }

    private static func record(id: Int64, _ reservation: SMSReservation, status: SMSLedgerStatus) -> SMSLedgerRecord {
        SMSLedgerRecord(
            id: id, idempotencyKey: reservation.idempotencyKey, tenant: reservation.tenant, user: reservation.user,
            department: reservation.department, queue: reservation.queue, purpose: reservation.purpose,
            recipient: reservation.recipient, maskedRecipient: SMSReservation.mask(reservation.recipient),
            text: reservation.text, mergeGroup: reservation.mergeGroup, noticeCount: 1,
            encoding: reservation.quote.encoding, segments: reservation.quote.segments,
            unitPriceOre: reservation.quote.unitPriceOre, netOre: 0, provider: nil, providerMessageID: nil,
            providerSegments: nil, segmentMismatch: false, status: status, reason: nil, createdAt: reservation.createdAt,
            sendAfter: reservation.sendAfter, expiresAt: reservation.expiresAt, acceptedAt: nil, finishedAt: nil)
    }
}
