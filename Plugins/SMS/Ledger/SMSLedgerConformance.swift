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

            guard case .reserved(let row) = try await ledger.reserve(first, within: nil) else {
                return ["a new reservation was not reserved"]
            }
            check(row.status == .reserved && row.netOre == 0, "a new reservation is reserved and not charged: \(row)")
            check(row.maskedRecipient == "+47******01", "the recipient is masked: \(row.maskedRecipient)")
            let again = try await ledger.reserve(first, within: nil)
            check(again == .existing(row), "a second reservation under the key finds the first row: \(again)")

            let due = try await ledger.due(at: start, limit: 10)
            check(due.map(\.id) == [row.id], "a reserved row is due at its sendAfter: \(due.map(\.id))")
            check(try await ledger.due(at: start.addingTimeInterval(-1), limit: 10).isEmpty, "nothing is due before sendAfter")

            let receipt = SMSReceipt(providerMessageID: "m-1", providerSegments: 2)
            let acceptedRow = try await ledger.accept(id: row.id, provider: "stub", receipt: receipt, at: start)
            let acceptedAgain = try await ledger.accept(id: row.id, provider: "stub", receipt: receipt, at: start)
            let accepted = try await ledger.record(forKey: first.idempotencyKey)
            check(acceptedRow == accepted, "accept returns the row as stored: \(String(describing: acceptedRow))")
            check(acceptedAgain == accepted, "a repeated acceptance returns the row unchanged: \(String(describing: acceptedAgain))")
            check(accepted?.acceptedAt == start, "the acceptance time is recorded")
            check(try await ledger.accept(id: 999_999, provider: "stub", receipt: receipt, at: start) == nil, "accepting no row returns nil")
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
            guard let refusedRow = try await ledger.reserve(refused, within: nil).record else {
                return failures + ["a reservation without a cap was refused"]
            }
            try await ledger.finishUncharged(id: refusedRow.id, status: .released, reason: "invalid number", at: start)
            let notAccepted = try await ledger.accept(id: refusedRow.id, provider: "stub", receipt: receipt, at: start)
            let released = try await ledger.record(forKey: refused.idempotencyKey)
            check(notAccepted == released, "accepting a released row returns it as it is")
            check(released?.status == .released && released?.netOre == 0, "a released row is never charged: \(String(describing: released))")

            var notice = try Self.reservation(key: "n1|+4791100003|missed-call", at: start, group: "ann|+4722")
            notice.purpose = .missedCall
            guard let noticeRow = try await ledger.reserve(notice, within: nil).record else {
                return failures + ["a reservation without a cap was refused"]
            }
            var second = notice
            second.idempotencyKey = "n2|+4791100003|missed-call"
            let text = "2 tapte anrop fra +4722"
            let quote = try SMSQuote(text: text)
            let merged = try await ledger.merge(second, since: start, within: nil) { count in (count == 2 ? text : "?", quote) }
            check(merged?.id == noticeRow.id && merged?.noticeCount == 2 && merged?.text == text, "a notice merges into the waiting row: \(String(describing: merged))")
            let repeated = try await ledger.merge(second, since: start, within: nil) { _ in ("wrong", quote) }
            check(repeated != nil, "merging a key already recorded finds its row")
            check(try await ledger.record(forKey: noticeRow.idempotencyKey)?.noticeCount == 2, "a repeated merge counts once")
            check(try await ledger.record(forKey: second.idempotencyKey)?.status == .merged, "the merged notice is recorded under its key")
            var other = second
            other.idempotencyKey = "n3|+4791100003|missed-call"
            other.mergeGroup = "ann|+4733"
            check(try await ledger.merge(other, since: start, within: nil) { _ in (text, quote) } == nil, "another group does not merge")

            let committed = try await ledger.committedOre(tenant: "acme", from: start, to: start.addingTimeInterval(60))
            check(committed == 49 + 49, "committed øre counts charged and reserved rows: \(committed)")
            check(
                try await ledger.committedOre(tenant: "other", from: start, to: start.addingTimeInterval(60)) == 0,
                "committed øre is per tenant")

            // 98 øre committed so far; a cap of 147 has room for one more 49 øre SMS.
            let minute = start.addingTimeInterval(60)
            let cap = SMSSpendCap(limitOre: 147, from: start, to: minute)
            let fits = try Self.reservation(key: "c1|+4791100004|phone", at: start)
            let fitsRow = try await ledger.reserve(fits, within: cap).record
            check(fitsRow?.status == .reserved, "a reservation within the cap is reserved: \(String(describing: fitsRow))")
            let over = try Self.reservation(key: "c2|+4791100005|phone", at: start)
            let refusal = try await ledger.reserve(over, within: cap)
            check(refusal == .overSpendCap(committedOre: 147), "a reservation above the cap is refused, saying what is committed: \(refusal)")
            check(try await ledger.record(forKey: over.idempotencyKey) == nil, "a reservation the cap refused writes nothing")
            let tight = SMSSpendCap(limitOre: 1, from: start, to: minute)
            check(try await ledger.reserve(fits, within: tight).record?.id == fitsRow?.id, "a key already recorded is found whatever the cap")
            let nextMinute = SMSSpendCap(limitOre: 49, from: minute, to: minute.addingTimeInterval(60))
            let later = try Self.reservation(key: "c3|+4791100005|phone", at: minute)
            check(try await ledger.reserve(later, within: nextMinute).record != nil, "the cap counts only its own period")

            // A notice waits (196 øre committed); folding in a second one makes it two parts (49 øre more).
            var waiting = try Self.reservation(key: "n4|+4791100006|missed-call", at: start, group: "ann|+4755")
            waiting.purpose = .missedCall
            guard let waitingRow = try await ledger.reserve(waiting, within: nil).record else {
                return failures + ["a reservation without a cap was refused"]
            }
            var longer = waiting
            longer.idempotencyKey = "n5|+4791100006|missed-call"
            let long = String(repeating: "a", count: 161)
            let longQuote = try SMSQuote(text: long)
            let full = SMSSpendCap(limitOre: 244, from: start, to: minute)
            check(try await ledger.merge(longer, since: start, within: full) { _ in (long, longQuote) } == nil, "a merge above the cap is refused")
            check(try await ledger.record(forKey: waitingRow.idempotencyKey) == waitingRow, "a refused merge leaves the waiting row as it was")
            check(try await ledger.record(forKey: longer.idempotencyKey) == nil, "a refused merge records nothing under the notice's key")
            let room = SMSSpendCap(limitOre: 245, from: start, to: minute)
            let grown = try await ledger.merge(longer, since: start, within: room) { _ in (long, longQuote) }
            check(grown?.id == waitingRow.id && grown?.segments == 2, "a merge within the cap is made: \(String(describing: grown))")

            let dropped = try Self.reservation(key: "d1|+4791100007|phone", at: start)
            let droppedRow = try await ledger.recordDropped(dropped, reason: "monthly spend cap reached", at: start)
            check(
                droppedRow.status == .dropped && droppedRow.netOre == 0 && droppedRow.text == nil && droppedRow.recipient == nil
                    && droppedRow.reason == "monthly spend cap reached",
                "a dropped reservation is recorded unsent and uncharged, without the message: \(droppedRow)")
            check(try await ledger.recordDropped(dropped, reason: "again", at: start).id == droppedRow.id, "dropping a key again finds its row")
            check(
                try await ledger.recordDropped(fits, reason: "late", at: start).status == .reserved,
                "dropping a key already reserved leaves its row as it is")
            check(
                try await ledger.committedOre(tenant: "acme", from: start, to: minute) == 245,
                "dropped rows commit nothing")
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
