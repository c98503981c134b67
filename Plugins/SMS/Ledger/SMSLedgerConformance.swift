import Foundation
import PluginKit

/// The checks every ``SMSLedger`` must pass (the contract in its documentation), run by each
/// implementation's tests against a fresh, empty ledger: `run()` returns the checks that failed.
public struct SMSLedgerConformance: Sendable {
    /// Makes a fresh, empty ledger.
    public var makeLedger: @Sendable () async throws -> any SMSLedger

    /// Creates the checks.
    public init(makeLedger: @escaping @Sendable () async throws -> any SMSLedger) {
        self.makeLedger = makeLedger
    }

    /// Runs every check; each failure is one line saying what was seen.
    public func run() async -> [String] {
        var failures: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { failures.append(message()) }
        }
        do {
            let ledger = try await makeLedger()
            let start = Date(millisecondsSince1970: 1_767_258_000_000)
            let first = try Self.reservation(key: "e1|+4791100001|phone", at: start)

            let (row, isNew) = try await ledger.reserve(first)
            check(isNew && row.status == .reserved && row.netOre == 0, "a new reservation is reserved and not charged: \(row)")
            check(row.maskedRecipient == "+47******01", "the recipient is masked: \(row.maskedRecipient)")
            let (again, againIsNew) = try await ledger.reserve(first)
            check(!againIsNew && again.id == row.id, "a second reservation under the key finds the first row")

            let due = try await ledger.due(at: start, limit: 10)
            check(due.map(\.id) == [row.id], "a reserved row is due at its sendAfter: \(due.map(\.id))")
            check(try await ledger.due(at: start.addingTimeInterval(-1), limit: 10).isEmpty, "nothing is due before sendAfter")

            let receipt = SMSReceipt(providerMessageID: "m-1", providerSegments: 2)
            try await ledger.accept(id: row.id, provider: "stub", receipt: receipt, at: start)
            try await ledger.accept(id: row.id, provider: "stub", receipt: receipt, at: start)
            let accepted = try await ledger.record(forKey: first.idempotencyKey)
            check(accepted?.status == .accepted && accepted?.netOre == 49, "accepting charges segments × unit price once: \(String(describing: accepted))")
            check(accepted?.text == nil && accepted?.recipient == nil, "an accepted row forgets the text and the full recipient")
            check(accepted?.segmentMismatch == true, "a provider segment count unlike ours is flagged")
            check(try await ledger.due(at: start, limit: 10).isEmpty, "an accepted row is not due")
            try await ledger.finishUncharged(id: row.id, status: .released, reason: "late", at: start)
            check(try await ledger.record(forKey: first.idempotencyKey)?.status == .accepted, "an accepted row cannot be released")

            let found = try await ledger.reportDelivery(
                provider: "stub", providerMessageID: "m-1", delivered: true, providerSegments: 1, reason: nil, at: start)
            let delivered = try await ledger.record(forKey: first.idempotencyKey)
            check(found && delivered?.status == .delivered, "a status callback marks the row delivered")
            check(delivered?.segmentMismatch == false && delivered?.netOre == 49, "a matching count clears the flag; the charge stays")
            check(
                try await !ledger.reportDelivery(
                    provider: "other", providerMessageID: "m-1", delivered: true, providerSegments: nil, reason: nil, at: start),
                "a callback for another provider's id changes nothing")

            let refused = try Self.reservation(key: "e2|+4791100002|phone", at: start)
            let refusedRow = try await ledger.reserve(refused).record
            try await ledger.finishUncharged(id: refusedRow.id, status: .released, reason: "invalid number", at: start)
            try await ledger.accept(id: refusedRow.id, provider: "stub", receipt: receipt, at: start)
            let released = try await ledger.record(forKey: refused.idempotencyKey)
            check(released?.status == .released && released?.netOre == 0, "a released row is never charged: \(String(describing: released))")

            var notice = try Self.reservation(key: "n1|+4791100003|missed-call", at: start, group: "ann|+4722")
            notice.purpose = .missedCall
            let noticeRow = try await ledger.reserve(notice).record
            var second = notice
            second.idempotencyKey = "n2|+4791100003|missed-call"
            let text = "2 tapte anrop fra +4722"
            let quote = try SMSQuote(text: text)
            let merged = try await ledger.merge(second, since: start) { count in (count == 2 ? text : "?", quote) }
            check(merged?.id == noticeRow.id && merged?.noticeCount == 2 && merged?.text == text, "a notice merges into the waiting row: \(String(describing: merged))")
            let repeated = try await ledger.merge(second, since: start) { _ in ("wrong", quote) }
            check(repeated != nil, "merging a key already recorded finds its row")
            check(try await ledger.record(forKey: noticeRow.idempotencyKey)?.noticeCount == 2, "a repeated merge counts once")
            check(try await ledger.record(forKey: second.idempotencyKey)?.status == .merged, "the merged notice is recorded under its key")
            var other = second
            other.idempotencyKey = "n3|+4791100003|missed-call"
            other.mergeGroup = "ann|+4733"
            check(try await ledger.merge(other, since: start) { _ in (text, quote) } == nil, "another group does not merge")

            let committed = try await ledger.committedOre(tenant: "acme", from: start, to: start.addingTimeInterval(60))
            check(committed == 49 + 49, "committed øre counts charged and reserved rows: \(committed)")
            check(
                try await ledger.committedOre(tenant: "other", from: start, to: start.addingTimeInterval(60)) == 0,
                "committed øre is per tenant")
        } catch {
            failures.append("threw: \(error)")
        }
        return failures
    }

    private static func reservation(key: String, at date: Date, group: String? = nil) throws -> SMSReservation {
        let recipient = String(key.split(separator: "|")[1])
        return SMSReservation(
            idempotencyKey: key, tenant: "acme", user: "ann", department: "sales", queue: nil, purpose: .phone,
            recipient: recipient, text: "Hei", quote: try SMSQuote(text: "Hei"), mergeGroup: group, createdAt: date,
            sendAfter: date, expiresAt: date.addingTimeInterval(900))
    }
}
