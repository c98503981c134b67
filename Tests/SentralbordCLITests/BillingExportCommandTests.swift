import Foundation
import Gateway
import PluginKit
import SMSPlugin
import SentralbordCLI
import Testing

/// A gateway folder whose SMS ledger holds known charges: three for `acme` in January 2026 (Oslo
/// time), one for `acme` just after January in Oslo, one released (never charged), one for `beta`.
private struct BillingFixture {
    let folder: URL
    var configPath: String { folder.appendingPathComponent("config.toml").path }

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-billing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[storage]\ndata_directory = \"data\"\n[[plugins]]\nname = \"sms\"\nkind = \"sms\"\n"
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        let storage = try await GatewayStorage.open(try GatewayConfiguration.load(path: configPath).storage)
        let ledger = DatabaseSMSLedger(database: try storage.pluginDatabase(kind: SMSPluginFactory.kind, schema: SMSSchema.schema))
        let rows: [(tenant: String, user: String, department: String, queue: String?, purpose: SMSPurpose, to: String, text: String, price: Int, at: String, accept: Bool)] = [
            ("acme", "ann", "sales", nil, .missedCall, "+4791100001", "Tapt anrop", 49, "2025-12-31T23:30:00Z", true),
            ("acme", "bob", "support", "support", .phone, "+4791100002", String(repeating: "a", count: 161), 49, "2026-01-20T12:00:00Z", true),
            ("acme", "ann", "sales", nil, .loginCode, "+4791100001", "Kode 1234", 45, "2026-01-25T08:00:00Z", true),
            ("acme", "ann", "sales", nil, .phone, "+4791100001", "Etter januar", 49, "2026-01-31T23:30:00Z", true),
            ("acme", "bob", "support", nil, .phone, "+4791100002", "Avvist", 49, "2026-01-15T10:00:00Z", false),
            ("beta", "cat", "ops", nil, .phone, "+4791100003", "Beta", 49, "2026-01-10T10:00:00Z", true),
        ]
        for (index, row) in rows.enumerated() {
            let at = try #require(RFC3339.date(from: row.at))
            let quote = try SMSQuote(text: row.text, unitPriceOre: row.price)
            let reservation = SMSReservation(
                idempotencyKey: "e\(index)|\(row.to)|\(row.purpose.rawValue)", tenant: row.tenant, user: row.user,
                department: row.department, queue: row.queue, purpose: row.purpose, recipient: row.to, text: row.text, quote: quote,
                mergeGroup: nil, createdAt: at, sendAfter: at, expiresAt: at.addingTimeInterval(900))
            let record = try #require(try await ledger.reserve(reservation, within: nil).record)
            if row.accept {
                _ = try await ledger.accept(
                    id: record.id, provider: "stub", receipt: SMSReceipt(providerMessageID: "m-\(index + 1)", providerSegments: quote.segments), at: at)
            } else {
                try await ledger.finishUncharged(id: record.id, status: .released, reason: "invalid number", at: at)
            }
        }
    }

    func run(_ arguments: [String]) async -> (status: ExitCode, out: String, err: String) {
        let capture = CapturedConsole()
        let status = await SentralbordCLI.run(["billing", "export", "--config", configPath] + arguments, console: capture.console)
        return (status, capture.out, capture.err)
    }
}

@Suite("GW-6 billing export", .serialized)
struct BillingExportCommandTests {
    @Test func csvWithKnownTotals() async throws {
        let fixture = try await BillingFixture()
        let result = await fixture.run(["--from", "2026-01-01", "--to", "2026-01-31", "--tenant", "acme", "--group-by", "user", "--format", "csv"])
        #expect(result.status == .success, "\(result.err)")
        #expect(result.out == """
            id,accepted_at,tenant,user,department,queue,purpose,recipient,encoding,segments,provider_segments,segment_mismatch,unit_price,net,vat,gross,status,provider,provider_message_id
            1,2025-12-31T23:30:00.000Z,acme,ann,sales,,missed-call,+47******01,GSM-7,1,1,0,0.49,0.49,0.12,0.61,accepted,stub,m-1
            2,2026-01-20T12:00:00.000Z,acme,bob,support,support,phone,+47******02,GSM-7,2,2,0,0.49,0.98,0.25,1.23,accepted,stub,m-2
            3,2026-01-25T08:00:00.000Z,acme,ann,sales,,login-code,+47******01,GSM-7,1,1,0,0.45,0.45,0.11,0.56,accepted,stub,m-3

            group_by,group,messages,segments,net,vat,gross
            user,ann,2,2,0.94,0.24,1.18
            user,bob,1,2,0.98,0.25,1.23
            total,,3,4,1.92,0.48,2.40

            """)
        #expect(result.err.contains("3 SMS, 4 segments, net 1.92 + VAT 0.48 = 2.40 NOK"))
    }

    @Test func norwegianCSVWithKnownTotals() async throws {
        let fixture = try await BillingFixture()
        let result = await fixture.run(["--from", "2026-01-01", "--to", "2026-01-31", "--group-by", "purpose", "--format", "csv-nb"])
        #expect(result.status == .success, "\(result.err)")
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "id;accepted_at;tenant;user;department;queue;purpose;recipient;encoding;segments;provider_segments;segment_mismatch;unit_price;net;vat;gross;status;provider;provider_message_id")
        #expect(lines.contains("2;2026-01-20T12:00:00.000Z;acme;bob;support;support;phone;+47******02;GSM-7;2;2;0;0,49;0,98;0,25;1,23;accepted;stub;m-2"))
        #expect(lines.contains("6;2026-01-10T10:00:00.000Z;beta;cat;ops;;phone;+47******03;GSM-7;1;1;0;0,49;0,49;0,12;0,61;accepted;stub;m-6"))
        #expect(Array(lines.suffix(6)) == [
            "group_by;group;messages;segments;net;vat;gross",
            "purpose;login-code;1;1;0,45;0,11;0,56",
            "purpose;missed-call;1;1;0,49;0,12;0,61",
            "purpose;phone;2;3;1,47;0,37;1,84",
            "total;;4;5;2,41;0,60;3,01",
            "",
        ])
    }

    @Test func jsonInIntegerOreToAFile() async throws {
        let fixture = try await BillingFixture()
        let output = fixture.folder.appendingPathComponent("export.json").path
        let result = await fixture.run(["--from", "2026-01-01", "--to", "2026-01-31", "--tenant", "acme", "--group-by", "department", "--format", "json", "--output", output])
        #expect(result.status == .success, "\(result.err)")
        #expect(result.out.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["groupBy"] as? String == "department" && object["tenant"] as? String == "acme" && object["vatPercent"] as? Int == 25)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["netOre"] as? Int } == [49, 98, 45])
        #expect(rows.first?["queue"] is NSNull)
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { $0["department"] as? String } == ["sales", "support"])
        #expect(groups.map { $0["grossOre"] as? Int } == [118, 123])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["messages"] as? Int == 3 && total["netOre"] as? Int == 192 && total["vatOre"] as? Int == 48 && total["grossOre"] as? Int == 240)
    }

    @Test func badArgumentsAreUsageErrors() async throws {
        let fixture = try await BillingFixture()
        for (arguments, message) in [
            (["--to", "2026-01-31", "--format", "csv"], "--from and --to are required"),
            (["--from", "2026-13-01", "--to", "2026-01-31", "--format", "csv"], "--from must be a date YYYY-MM-DD"),
            (["--from", "2026-02-01", "--to", "2026-01-31", "--format", "csv"], "is after --to"),
            (["--from", "2026-01-01", "--to", "2026-01-31", "--format", "xlsx"], "--format must be csv, csv-nb or json"),
            (["--from", "2026-01-01", "--to", "2026-01-31"], "--format is required"),
            (["--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--group-by", "colour"], "--group-by must be one of"),
        ] {
            let result = await fixture.run(arguments)
            #expect(result.status == .usage, "\(arguments)")
            #expect(result.err.contains(message), "\(result.err)")
        }
    }
}
