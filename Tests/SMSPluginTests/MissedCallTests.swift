import Foundation
import PluginKit
import PluginKitTesting
import SMSPlugin
import Testing

@Suite("PA-1 missed-call SMS: templates, merging, expiry")
struct MissedCallTests {
    @Test func aNoticeIsSentAfterTheWindowInTheUsersLanguage() async throws {
        let (service, ledger, provider, clock, _) = SMSFixture.service()
        let outcome = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:1", queue: "support")))
        guard case .recorded = outcome else { Issue.record("\(outcome)"); return }
        #expect(provider.messages.isEmpty, "the notice waits for the merge window")
        clock.advance(by: 61)
        #expect(await service.flushDue() == 1)
        #expect(provider.messages.map(\.text) == ["Tapt anrop fra +4722334455 kl. 10:00 (kø support)."])
        #expect(provider.messages.first?.recipient == "+4791100001")
        let row = try #require(try await ledger.record(forKey: "acme:1|+4791100001|missed-call"))
        #expect(row.status == .accepted && row.netOre == 49 && row.department == "sales" && row.queue == "support")

        _ = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:2", at: SMSFixture.start.addingTimeInterval(3600), language: "en")))
        clock.advance(by: 3600)
        await service.flushDue()
        #expect(provider.messages.last?.text == "Missed call from +4722334455 at 11:00.")
    }

    @Test func repeatNoticesFromOneCallerMergeIntoOneSMS() async throws {
        let (service, ledger, provider, clock, _) = SMSFixture.service()
        for (index, offset) in [0.0, 20, 45].enumerated() {
            let event = SMSFixture.notice("acme:\(index)", at: SMSFixture.start.addingTimeInterval(offset))
            _ = try await service.notify(try MissedCallNotice(event: event))
        }
        _ = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:other", from: "+4799887766", at: SMSFixture.start.addingTimeInterval(30))))
        clock.advance(by: 100)
        await service.flushDue()
        #expect(provider.messages.map(\.text).sorted() == [
            "3 tapte anrop fra +4722334455, siste kl. 10:00.", "Tapt anrop fra +4799887766 kl. 10:00.",
        ])
        let rows = (ledger as? InMemorySMSLedger)?.records ?? []
        #expect(rows.filter { $0.status == .merged }.count == 2)
        #expect(rows.filter { $0.status.isCharged }.map(\.netOre) == [49, 49])
        #expect(rows.first { $0.idempotencyKey == "acme:0|+4791100001|missed-call" }?.noticeCount == 3)

        // The same notice again (a redelivery) changes nothing.
        _ = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:1", at: SMSFixture.start.addingTimeInterval(20))))
        await service.flushDue()
        #expect(provider.messages.count == 2)
    }

    @Test func aNoticeAfterTheWindowStartsANewSMS() async throws {
        let (service, _, provider, clock, _) = SMSFixture.service()
        _ = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:1")))
        clock.advance(by: 61)
        await service.flushDue()
        _ = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:2", at: SMSFixture.start.addingTimeInterval(61))))
        clock.advance(by: 61)
        await service.flushDue()
        #expect(provider.messages.count == 2)
        #expect(provider.messages.allSatisfy { $0.text.hasPrefix("Tapt anrop fra") })
    }

    @Test func anExpiredNoticeIsDroppedAndRecorded() async throws {
        let (service, ledger, provider, clock, log) = SMSFixture.service()
        clock.advance(by: 16 * 60)
        let outcome = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:old")))
        #expect(outcome == .dropped)
        await service.flushDue()
        #expect(provider.messages.isEmpty)
        let row = try #require(try await ledger.record(forKey: "acme:old|+4791100001|missed-call"))
        #expect(row.status == .dropped && row.netOre == 0 && row.text == nil)
        #expect(log.records.contains { $0.message.contains("dropped: expired") })
    }

    @Test func aNoticeOverTheSpendCapIsDroppedAndRecordedUnsent() async throws {
        var settings = SMSSettings()
        settings.monthlyCapOre = 49
        settings.mergeWindow = 0
        let (service, ledger, provider, _, log) = SMSFixture.service(settings: settings)
        guard case .recorded = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:1"))) else {
            Issue.record("the notice within the cap was not recorded")
            return
        }
        let outcome = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:2", from: "+4799887766")))
        #expect(outcome == .dropped)
        await service.flushDue()
        #expect(provider.messages.count == 1)
        let row = try #require(try await ledger.record(forKey: "acme:2|+4791100001|missed-call"))
        #expect(row.status == .dropped && row.netOre == 0 && row.text == nil && row.reason == "monthly spend cap reached")
        #expect(try await ledger.committedOre(tenant: "acme", from: .distantPast, to: .distantFuture) == 49)
        #expect(log.records.contains { $0.message.contains("dropped: monthly spend cap reached") })
    }

    @Test func aNoticeThatWaitedPastItsExpiryDuringAnOutageIsDropped() async throws {
        let (service, ledger, provider, clock, _) = SMSFixture.service()
        provider.fail(with: Array(repeating: .transient("down"), count: 20))
        _ = try await service.notify(try MissedCallNotice(event: SMSFixture.notice("acme:1")))
        for _ in 0..<20 {
            clock.advance(by: 60)
            await service.flushDue()
        }
        let row = try #require(try await ledger.record(forKey: "acme:1|+4791100001|missed-call"))
        #expect(row.status == .dropped && row.netOre == 0)
    }

    @Test func thePluginDeliversThroughItsService() async throws {
        // Sent at once (no merge window), to a provider that only logs.
        var settings = SMSSettings()
        settings.mergeWindow = 0
        let plugin = SMSPlugin(instance: "sms", filter: .all, settings: settings)
        let (context, _) = PluginContext.testing(http: ScriptedHTTPTransport { _ in .hang })
        await #expect { try await plugin.deliver(SMSFixture.notice("acme:1"), context: context) } throws: {
            ($0 as? PluginError)?.kind == .misconfigured
        }
        let ledger = InMemorySMSLedger()
        // The system clock: the plugin's sending loop waits on it between rounds.
        plugin.attach(ledger: ledger, http: ScriptedHTTPTransport { _ in .hang }, logger: context.logger, clock: SystemPluginClock())
        #expect(try await plugin.deliver(SMSFixture.notice("acme:1", at: Date()), context: context) == .delivered)
        #expect(ledger.records.first?.status == .accepted)
        let other = EventEnvelope(seq: 2, id: "acme:2", type: "call.ended", tenant: "acme", occurredAt: SMSFixture.start)
        #expect(try await plugin.deliver(other, context: context) == .skipped(reason: "not a missed-call notice"))
        await plugin.shutdown()
    }
}
