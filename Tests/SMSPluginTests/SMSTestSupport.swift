import Foundation
import PluginKit
import PluginKitTesting
import SMSPlugin
import Synchronization

/// A provider that records what it is asked to send and answers from a script (accept by
/// default), for the service's tests.
final class StubProvider: SMSProvider {
    let name = "stub"
    private let sent = Mutex<[(message: SMSMessage, key: String)]>([])
    private let failures = Mutex<[PluginError]>([])

    /// The next sends fail with `errors`, in order.
    func fail(with errors: [PluginError]) { failures.withLock { $0 += errors } }

    var messages: [SMSMessage] { sent.withLock { $0.map(\.message) } }
    var keys: [String] { sent.withLock { $0.map(\.key) } }

    func send(_ message: SMSMessage, idempotencyKey: String) async throws(PluginError) -> SMSReceipt {
        let count = sent.withLock { sent in
            sent.append((message, idempotencyKey))
            return sent.count
        }
        if let failure = failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { throw failure }
        return SMSReceipt(providerMessageID: "stub-\(count)", providerSegments: SMSSegmentation(text: message.text).segments)
    }
}

/// A ledger that fails `accept` once, as a process killed between the provider's answer and
/// the ledger update would leave it: the row stays reserved.
final class CrashingAcceptLedger: SMSLedger {
    let inner = InMemorySMSLedger()
    private let crashes = Mutex(1)

    struct Crash: Error {}

    func reserve(_ reservation: SMSReservation, within cap: SMSSpendCap?) async throws -> SMSReservationOutcome {
        try await inner.reserve(reservation, within: cap)
    }
    func merge(
        _ reservation: SMSReservation, since: Date, within cap: SMSSpendCap?,
        mergedText: @escaping @Sendable (Int) -> (text: String, quote: SMSQuote)
    ) async throws -> SMSLedgerRecord? {
        try await inner.merge(reservation, since: since, within: cap, mergedText: mergedText)
    }
    func recordDropped(_ reservation: SMSReservation, reason: String, at: Date) async throws -> SMSLedgerRecord {
        try await inner.recordDropped(reservation, reason: reason, at: at)
    }
    func due(at now: Date, limit: Int) async throws -> [SMSLedgerRecord] { try await inner.due(at: now, limit: limit) }
    func record(forKey key: String) async throws -> SMSLedgerRecord? { try await inner.record(forKey: key) }
    func accept(id: Int64, provider: String, receipt: SMSReceipt, at: Date) async throws -> SMSLedgerRecord? {
        let crash = crashes.withLock { remaining in
            defer { remaining = max(0, remaining - 1) }
            return remaining > 0
        }
        if crash { throw Crash() }
        return try await inner.accept(id: id, provider: provider, receipt: receipt, at: at)
    }
    func finishUncharged(id: Int64, status: SMSLedgerStatus, reason: String, at: Date) async throws {
        try await inner.finishUncharged(id: id, status: status, reason: reason, at: at)
    }
    func reportDelivery(
        provider: String, providerMessageID: String, delivered: Bool, providerSegments: Int?, reason: String?, at: Date
    ) async throws -> Bool {
        try await inner.reportDelivery(
            provider: provider, providerMessageID: providerMessageID, delivered: delivered, providerSegments: providerSegments,
            reason: reason, at: at)
    }
    func committedOre(tenant: String, from: Date, to: Date) async throws -> Int {
        try await inner.committedOre(tenant: tenant, from: from, to: to)
    }
}

enum SMSFixture {
    /// 2026-01-01T09:00:00Z = 10:00 in Oslo.
    static let start = Date(timeIntervalSince1970: 1_767_258_000)

    static func notice(
        _ id: String, from caller: String = "+4722334455", at date: Date = start, language: String = "nb", queue: String? = nil
    ) -> EventEnvelope {
        var data: [String: JSONValue] = [
            "user": .string("ann"), "to": .string("+4791100001"), "from": .string(caller), "language": .string(language),
        ]
        if let queue { data["queue"] = .string(queue) }
        return EventEnvelope(
            seq: 1, id: id, type: MissedCallNotice.eventType, tenant: "acme", occurredAt: date, callId: "call-\(id)", callSeq: 4,
            data: data)
    }

    static func service(
        settings: SMSSettings = SMSSettings(), ledger: any SMSLedger = InMemorySMSLedger(), provider: StubProvider = StubProvider(),
        clock: ManualPluginClock = ManualPluginClock(now: start)
    ) -> (service: SMSService, ledger: any SMSLedger, provider: StubProvider, clock: ManualPluginClock, log: InMemoryLogSink) {
        let log = InMemoryLogSink()
        let service = SMSService(
            settings: settings, ledger: ledger, provider: provider, clock: clock, logger: Logger(label: "sms.test", sink: log),
            departmentOf: { _, user in user == "ann" ? "sales" : nil })
        return (service, ledger, provider, clock, log)
    }
}
