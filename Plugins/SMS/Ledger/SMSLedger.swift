public import Foundation
public import PluginKit

/// The durable record of every SMS: what the SMS service writes before sending and after the
/// provider answers, so nothing is charged twice and nothing is lost.
///
/// ``DatabaseSMSLedger`` keeps it in the SMS plugin's own table; ``InMemorySMSLedger``
/// serves tests.
///
/// Implementation requirements:
/// - every method is durable when it returns and atomic (one transaction);
/// - `reserve` never creates a second row for an idempotency key: it returns the existing row;
/// - `reserve` and `merge` check their ``SMSSpendCap`` in the transaction that writes, so
///   concurrent callers (in one process or several) never take a company above its cap;
/// - `accept` sets `netOre = segments × unitPriceOre` only when the row is `reserved`, so a
///   repeated acceptance changes nothing (never a double charge);
/// - records are scoped by tenant where a tenant is given.
public protocol SMSLedger: Sendable {
    /// Returns the row already under `reservation`'s key if there is one; otherwise records
    /// `reservation` as `reserved` — unless its quoted price would take the company's
    /// committed øre in `cap`'s period above the cap (nil: no cap), in which case nothing is
    /// written.
    func reserve(_ reservation: SMSReservation, within cap: SMSSpendCap?) async throws -> SMSReservationOutcome

    /// Folds the notice `reservation` into the `reserved` row of the same tenant and merge
    /// group created at or after `since`, replacing that row's text and quote with the
    /// reservation's text (`mergedText` is given the new notice count) and recording the
    /// notice under its own key as `merged`. Returns the updated row, or nil when there is no
    /// such row or when the longer text's price would take the company above `cap` (the
    /// caller then reserves, under the same cap). A key already recorded returns its row unchanged.
    func merge(
        _ reservation: SMSReservation, since: Date, within cap: SMSSpendCap?,
        mergedText: @escaping @Sendable (Int) -> (text: String, quote: SMSQuote)
    ) async throws -> SMSLedgerRecord?

    /// Records `reservation` as `dropped` with `reason` (never sent, not charged, the text and
    /// full recipient not kept), or returns the row already under its key unchanged.
    func recordDropped(_ reservation: SMSReservation, reason: String, at: Date) async throws -> SMSLedgerRecord

    /// The `reserved` rows to send or drop at `now` (`sendAfter ≤ now`), oldest first.
    func due(at now: Date, limit: Int) async throws -> [SMSLedgerRecord]

    /// The row under `key`, if any.
    func record(forKey key: String) async throws -> SMSLedgerRecord?

    /// The provider accepted row `id`: status `accepted`, charged, text and full recipient
    /// forgotten. Does nothing unless the row is `reserved`. Returns the row as stored
    /// afterwards, read in the same transaction; nil when there is no row `id`.
    func accept(id: Int64, provider: String, receipt: SMSReceipt, at: Date) async throws -> SMSLedgerRecord?

    /// Row `id` ends without a charge: `released` (refused for good) or `dropped` (expired,
    /// over the cap). Does nothing unless the row is `reserved`.
    func finishUncharged(id: Int64, status: SMSLedgerStatus, reason: String, at: Date) async throws

    /// A provider's status callback: the row with `providerMessageID` becomes `delivered` or
    /// `failed`; `providerSegments` (when given) is recorded and compared with ours. Returns
    /// false when no charged row has that id.
    func reportDelivery(
        provider: String, providerMessageID: String, delivered: Bool, providerSegments: Int?, reason: String?, at: Date
    ) async throws -> Bool

    /// The øre charged or reserved (reserved rows count at their quoted price) for `tenant`
    /// between `from` (inclusive) and `to` (exclusive), by creation time: the spend cap's measure.
    func committedOre(tenant: String, from: Date, to: Date) async throws -> Int
}
