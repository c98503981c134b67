import Foundation
import Gateway
import PluginKit
@testable import SMSPlugin
import Storage
import Testing

@Suite("GW-3 SMS ledger in the SMS plugin's SQLite table")
struct DatabaseSMSLedgerTests {
    /// A fresh database with the SMS plugin's table: the plugin's handle, and a connection of
    /// the gateway's own (no namespace limit) for checks.
    static func temporaryDatabase() throws -> (plugin: SQLitePluginDatabase, database: DatabaseQueue) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sms-ledger-\(UUID().uuidString).sqlite").path
        let plugin = try SQLitePluginDatabase.open(path: path, kind: SMSPluginFactory.kind, schema: SMSSchema.schema)
        return (plugin, try DatabaseQueue(path: path))
    }

    @Test func passesTheLedgerConformance() async {
        let failures = await SMSLedgerConformance { DatabaseSMSLedger(database: try Self.temporaryDatabase().plugin) }.run()
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func theIdempotencyKeyIsUniqueInTheTable() async throws {
        let database = try Self.temporaryDatabase().database
        let insert = "INSERT INTO sms_ledger (idempotency_key, tenant, purpose, recipient_masked, encoding, segments, unit_price_ore, status, created_at, send_after, expires_at) VALUES ('k', 't', 'phone', '+47**', 'GSM-7', 1, 49, 'reserved', 0, 0, 0)"
        try await database.access { try $0.execute(insert) }
        await #expect(throws: SQLiteError.self) { try await database.access { try $0.execute(insert) } }
    }

    @Test func theChargedConditionIsTheStatusesThatAreChargedAndTheIndexsTerm() async throws {
        let database = try Self.temporaryDatabase().database
        let (charged, plan) = try await database.access { database in
            for status in SMSLedgerStatus.allCases {
                try database.execute(
                    """
                    INSERT INTO sms_ledger (idempotency_key, tenant, purpose, recipient_masked, encoding, segments, unit_price_ore,
                        status, created_at, send_after, expires_at, accepted_at)
                    VALUES (?, 't', 'phone', '+47**', 'GSM-7', 1, 49, ?, 0, 0, 0, 0)
                    """,
                    [.text(status.rawValue), .text(status.rawValue)])
            }
            let select = try database.prepare("SELECT status FROM sms_ledger WHERE \(SMSLedgerCondition.charged)")
            var charged: Set<String> = []
            while try select.step() { charged.insert(select.string(at: 0) ?? "") }
            let explain = try database.prepare("EXPLAIN QUERY PLAN SELECT id FROM sms_ledger WHERE \(SMSLedgerCondition.charged) AND accepted_at >= 0")
            var plan = ""
            while try explain.step() { plan += (explain.string(at: 3) ?? "") + "\n" }
            return (charged, plan)
        }
        #expect(charged == Set(SMSLedgerStatus.allCases.filter(\.isCharged).map(\.rawValue)))
        #expect(plan.contains("sms_ledger_charged"), "a query with the condition can use the partial index: \(plan)")
    }

    @Test func concurrentReservationsOfOneKeyMakeOneRow() async throws {
        let (plugin, database) = try Self.temporaryDatabase()
        let ledger = DatabaseSMSLedger(database: plugin)
        let now = Date()
        let reservation = SMSReservation(
            idempotencyKey: "e|+4790000000|phone", tenant: "acme", user: nil, department: nil, queue: nil, purpose: .phone,
            recipient: "+4790000000", text: "x", quote: try SMSQuote(text: "x"), mergeGroup: nil, createdAt: now, sendAfter: now,
            expiresAt: now)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    guard case .reserved = try await ledger.reserve(reservation, within: nil) else { return false }
                    return true
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let count = try await database.access { database in
            let select = try database.prepare("SELECT count(*) FROM sms_ledger")
            _ = try select.step()
            return select.int64(at: 0)
        }
        #expect(count == 1)
    }
}
