import Foundation
import Gateway
import PluginKit
import SMSPlugin
import Storage
import Testing

@Suite("GW-3 the monthly spend cap holds under concurrent sends")
struct SMSSpendCapTests {
    /// Two services (as two `sms` instances would) over one SQLite ledger, for a company whose
    /// month already holds 9 SMS of 49 øre under a cap of 500 øre: 59 øre of room, one SMS.
    @Test func concurrentSendsNeverTakeTheMonthAboveTheCap() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sms-cap-\(UUID().uuidString).sqlite").path
        let ledger = DatabaseSMSLedger(database: try SQLitePluginDatabase.open(path: path, kind: SMSPluginFactory.kind, schema: SMSSchema.schema))
        let database = try DatabaseQueue(path: path)
        var settings = SMSSettings()
        settings.monthlyCapOre = 500
        let logger = Logger(label: "sms.test", sink: InMemoryLogSink())
        let services = (0..<2).map { _ in
            SMSService(settings: settings, ledger: ledger, provider: LogSMSProvider(logger: logger), logger: logger)
        }
        func request(_ id: String) -> SMSSendRequest {
            SMSSendRequest(requestID: id, tenant: "acme", user: "ann", purpose: .phone, recipient: "+4791234567", text: "Hei")
        }
        for index in 0..<9 { _ = try await services[0].send(request("before-\(index)")) }

        let outcomes = await withTaskGroup(of: SMSSendError.Code?.self) { group in
            for index in 0..<40 {
                group.addTask {
                    do throws(SMSSendError) {
                        _ = try await services[index % 2].send(request("burst-\(index)"))
                        return nil
                    } catch {
                        return error.code
                    }
                }
            }
            return await group.reduce(into: [SMSSendError.Code?]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 1, "exactly the one SMS that fits is sent: \(outcomes)")
        #expect(outcomes.allSatisfy { $0 == nil || $0 == SMSSendError.Code.spendCapReached })
        let (spent, rows) = try await database.access { database in
            let select = try database.prepare(
                "SELECT coalesce(sum(CASE WHEN status = 'reserved' THEN segments * unit_price_ore ELSE net_ore END), 0), count(*) FROM sms_ledger WHERE tenant = 'acme'")
            _ = try select.step()
            return (select.int64(at: 0), select.int64(at: 1))
        }
        #expect(spent <= 500, "charged and reserved øre stay within the cap: \(spent)")
        #expect(spent == 490 && rows == 10, "a send refused by the cap records nothing")
    }
}
