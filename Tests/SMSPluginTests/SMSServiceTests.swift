import Foundation
import PluginKit
import PluginKitTesting
import SMSPlugin
import Testing

@Suite("GW-3 SMS service: send, idempotency, protection")
struct SMSServiceTests {
    static func request(_ id: String, purpose: SMSPurpose = .phone, to recipient: String = "+4791234567", text: String = "Hei", client: String? = nil) -> SMSSendRequest {
        SMSSendRequest(requestID: id, tenant: "acme", user: "ann", purpose: purpose, recipient: recipient, text: text, clientAddress: client)
    }

    @Test func sendChargesOncePerKey() async throws {
        let (service, ledger, provider, _, _) = SMSFixture.service()
        let first = try await service.send(Self.request("req-1", text: String(repeating: "a", count: 200)))
        #expect(first.status == .accepted && first.segments == 2 && first.netOre == 98 && first.department == "sales")
        #expect(try await ledger.record(forKey: "req-1|+4791234567|phone") == first, "send returns the row as the ledger stored it")
        let again = try await service.send(Self.request("req-1", text: String(repeating: "a", count: 200)))
        #expect(again.id == first.id)
        #expect(provider.messages.count == 1)
        #expect(try await ledger.committedOre(tenant: "acme", from: .distantPast, to: .distantFuture) == 98)
    }

    @Test func aTransientFailureIsRetriedAndChargedOnce() async throws {
        let (service, ledger, provider, clock, _) = SMSFixture.service()
        provider.fail(with: [.transient("503")])
        do {
            _ = try await service.send(Self.request("req-1"))
            Issue.record("a failed send succeeded")
        } catch {
            #expect(error.code == .unavailable)
        }
        #expect(try await ledger.record(forKey: "req-1|+4791234567|phone")?.status == .reserved)
        clock.advance(by: 5)
        #expect(await service.flushDue() == 1)
        let row = try #require(try await ledger.record(forKey: "req-1|+4791234567|phone"))
        #expect(row.status == .accepted && row.netOre == 49)
        #expect(provider.keys == ["req-1|+4791234567|phone", "req-1|+4791234567|phone"])
    }

    @Test func aCrashBeforeTheLedgerUpdateMeansOneDuplicateSendAndOneCharge() async throws {
        let ledger = CrashingAcceptLedger()
        let (service, _, provider, _, _) = SMSFixture.service(ledger: ledger)
        await #expect(throws: SMSSendError.self) { try await service.send(Self.request("req-1")) }
        #expect(try await ledger.record(forKey: "req-1|+4791234567|phone")?.status == .reserved)
        // The next run (after the restart) finds the row reserved and sends it again.
        #expect(await service.flushDue() == 1)
        #expect(provider.messages.count == 2)
        let row = try #require(try await ledger.record(forKey: "req-1|+4791234567|phone"))
        #expect(row.status == .accepted && row.netOre == 49)
        #expect(try await ledger.committedOre(tenant: "acme", from: .distantPast, to: .distantFuture) == 49)
    }

    @Test func aPermanentRefusalIsReleasedUncharged() async throws {
        let (service, ledger, provider, _, _) = SMSFixture.service()
        provider.fail(with: [.permanent("invalid number")])
        do {
            _ = try await service.send(Self.request("req-1"))
            Issue.record("a refused send succeeded")
        } catch {
            #expect(error.code == .refused)
        }
        let row = try #require(try await ledger.record(forKey: "req-1|+4791234567|phone"))
        #expect(row.status == .released && row.netOre == 0)
        #expect(await service.flushDue() == 0)
    }

    @Test func badInputIsRefusedWithoutARow() async throws {
        let (service, ledger, provider, _, _) = SMSFixture.service()
        for (request, code) in [
            (Self.request("a", text: ""), SMSSendError.Code.invalidText),
            (Self.request("b", text: String(repeating: "x", count: 153 * 10 + 1)), .invalidText),
            (Self.request("c", to: "91234567"), .invalidRecipient),
            (Self.request("d", to: "+47 912"), .invalidRecipient),
        ] {
            do {
                _ = try await service.send(request)
                Issue.record("\(request) was sent")
            } catch {
                #expect(error.code == code, "\(error)")
            }
        }
        #expect(provider.messages.isEmpty)
        #expect((ledger as? InMemorySMSLedger)?.records.isEmpty == true)
    }

    @Test func loginCodesAreRateLimitedPerNumberClientAndTenant() async throws {
        var settings = SMSSettings()
        settings.loginCodesPerNumber = 2
        settings.loginCodesPerClient = 3
        settings.loginCodesPerTenant = 4
        let (service, _, provider, clock, _) = SMSFixture.service(settings: settings)
        let code = SMSTemplates.loginCode("482913", validMinutes: 5, language: .nb)
        _ = try await service.send(Self.request("l1", purpose: .loginCode, to: "+4791000001", text: code, client: "10.0.0.1"))
        _ = try await service.send(Self.request("l2", purpose: .loginCode, to: "+4791000001", text: code, client: "10.0.0.2"))
        await #expect { try await service.send(Self.request("l3", purpose: .loginCode, to: "+4791000001", text: code, client: "10.0.0.3")) } throws: {
            ($0 as? SMSSendError)?.code == .rateLimited
        }
        _ = try await service.send(Self.request("l4", purpose: .loginCode, to: "+4791000002", text: code, client: "10.0.0.1"))
        _ = try await service.send(Self.request("l5", purpose: .loginCode, to: "+4791000003", text: code, client: "10.0.0.1"))
        await #expect { try await service.send(Self.request("l6", purpose: .loginCode, to: "+4791000004", text: code, client: "10.0.0.1")) } throws: {
            ($0 as? SMSSendError)?.code == .rateLimited
        }
        await #expect { try await service.send(Self.request("l7", purpose: .loginCode, to: "+4791000005", text: code, client: "10.0.0.9")) } throws: {
            ($0 as? SMSSendError)?.code == .rateLimited
        }
        #expect(provider.messages.count == 4)
        #expect(provider.messages.first?.text == "Din innloggingskode er 482913. Den gjelder i 5 minutter. Ikke del den med noen.")
        clock.advance(by: 3601)
        _ = try await service.send(Self.request("l8", purpose: .loginCode, to: "+4791000001", text: code, client: "10.0.0.1"))
        // Other purposes are not limited by the login-code limits.
        for index in 0..<6 { _ = try await service.send(Self.request("p\(index)")) }
    }

    @Test func theMonthlySpendCapRefusesSendsAboveIt() async throws {
        var settings = SMSSettings()
        settings.monthlyCapOre = 100
        settings.tenants["acme"] = SMSSettings.TenantSettings(unitPriceOre: 45)
        let (service, _, provider, clock, _) = SMSFixture.service(settings: settings)
        _ = try await service.send(Self.request("r1"))
        _ = try await service.send(Self.request("r2"))
        do {
            _ = try await service.send(Self.request("r3"))
            Issue.record("a send above the cap was made")
        } catch {
            #expect(error.code == .spendCapReached)
            #expect(error.message == "the monthly SMS spend cap of 1.00 NOK is reached (0.90 NOK used); the message was not sent")
        }
        #expect(provider.messages.count == 2)
        clock.advance(by: 31 * 86_400)
        _ = try await service.send(Self.request("r4"))
        #expect(provider.messages.count == 3)
    }

    @Test func aRepeatedRequestSendsItsReservedRowWithoutCountingItTwice() async throws {
        var settings = SMSSettings()
        settings.monthlyCapOre = 49
        let (service, ledger, provider, _, _) = SMSFixture.service(settings: settings)
        provider.fail(with: [.transient("503")])
        await #expect(throws: SMSSendError.self) { try await service.send(Self.request("req-1")) }
        let record = try await service.send(Self.request("req-1"))
        #expect(record.status == .accepted && record.netOre == 49)
        #expect(provider.messages.count == 2)
        #expect(try await ledger.committedOre(tenant: "acme", from: .distantPast, to: .distantFuture) == 49)
    }

    @Test func userTextsAreSignedAndQuotedAtTheTenantPrice() throws {
        var settings = SMSSettings()
        settings.tenants["acme"] = SMSSettings.TenantSettings(unitPriceOre: 39)
        let (service, _, _, _, _) = SMSFixture.service(settings: settings)
        #expect(SMSTemplates.userMessage("Ring meg", senderName: "Ann Berg", language: .nb) == "Ring meg\n- Ann Berg", "a GSM hyphen: an en dash would make the SMS UCS-2 and double its price")
        #expect(try service.quote("Hei", tenant: "acme").priceOre == 39)
        #expect(try service.quote("Hei", tenant: "other").priceOre == 49)
    }
}
