import Foundation
import Gateway
import PluginKit
import SMSPlugin
import Storage
import Synchronization
import Testing

/// GW-6 for a company's admins: `GET /admin/billing` streams the export as the client reads it.
@Suite("Billing export through the API", .serialized)
struct BillingAPITests {
    /// 2026-01-10T12:00:00Z.
    static let acceptedAt: Int64 = 1_768_046_400_000

    /// 3,000 charged rows for acme and 1,000 for birk, interleaved, in groups of 500 accepted in
    /// the same millisecond (so chunks end inside a group), and 200 of acme's released.
    static func seed(_ database: DatabaseQueue) async throws {
        try await database.access { database in
            try database.transaction {
                for index in 0..<4200 {
                    let tenant = index % 4 == 3 && index < 4000 ? "birk" : "acme"
                    let charged = index < 4000
                    let values: [DatabaseValue] = [
                        .text("e\(index)|+4791100001|phone"), .text(tenant), .text("user-\(index % 7)"), .integer(Int64(1 + index % 2)),
                        .integer(charged ? Int64(49 * (1 + index % 2)) : 0), .text("m-\(index)"), .integer(Int64(1 + index % 2)),
                        .text(charged ? (index % 5 == 0 ? "delivered" : "accepted") : "released"),
                        .integer(acceptedAt), .integer(acceptedAt), .integer(acceptedAt + 900_000),
                        charged ? .integer(acceptedAt + Int64(index / 500) * 1000) : .null,
                    ]
                    try database.execute(
                        """
                        INSERT INTO sms_ledger (idempotency_key, tenant, user, department, queue, purpose, recipient_masked, encoding,
                            segments, unit_price_ore, net_ore, provider, provider_message_id, provider_segments, status, created_at,
                            send_after, expires_at, accepted_at)
                        VALUES (?, ?, ?, 'sales, north', NULL, 'phone', '+47******01', 'GSM-7', ?, 49, ?, 'log', ?, ?, ?, ?, ?, ?, ?)
                        """,
                        values)
                }
            }
        }
    }

    @Test func theExportIsStreamedWithEveryRowOnceAndItsTotals() async throws {
        try await APIHarness.with { harness in
            let database = harness.service.storage.database
            try await Self.seed(database)
            let admin = APIHarness.keys["ACME_ADMIN"]!
            let csv = try await harness.request(.get, "/api/v1/admin/billing?from=2026-01-01&to=2026-01-31&groupBy=user&format=csv", token: admin)
            #expect(csv.status == 200)
            #expect(csv.headers["Content-Type"] == "text/csv; charset=utf-8")
            #expect(csv.headers["Transfer-Encoding"]?.lowercased() == "chunked", "streamed, not sent as one buffer: \(csv.headers)")
            #expect(csv.body.count > 4 * 65_536, "the file spans several chunks")

            let (ids, segments, net) = try await database.access { database in
                let select = try database.prepare(
                    "SELECT id, segments, net_ore FROM sms_ledger WHERE tenant = 'acme' AND status <> 'released' ORDER BY accepted_at, id")
                var ids: [String] = []
                var segments = 0
                var net = 0
                while try select.step() {
                    ids.append(String(select.int64(at: 0)))
                    segments += Int(select.int64(at: 1))
                    net += Int(select.int64(at: 2))
                }
                return (ids, segments, net)
            }
            #expect(ids.count == 3000)
            let sections = csv.text.components(separatedBy: "\n\n")
            let lines = sections[0].split(separator: "\n")
            // Literals, not the exporter's own output: the columns, and a department with a
            // comma quoted as RFC 4180 says.
            #expect(lines.first == "id,accepted_at,tenant,user,department,queue,purpose,recipient,encoding,segments,provider_segments,segment_mismatch,unit_price,net,vat,gross,status,provider,provider_message_id")
            #expect(lines.dropFirst().first == #"1,2026-01-10T12:00:00.000Z,acme,user-0,"sales, north",,phone,+47******01,GSM-7,1,1,0,0.49,0.49,0.12,0.61,delivered,log,m-0"#)
            let rows = lines.dropFirst()
            #expect(rows.map { String($0.prefix { $0 != "," }) } == ids, "every charged row of the company once, in order of acceptance")
            let total = sections.last?.split(separator: "\n").last.map(String.init)
            let vat = BillingAmount.vat(onNet: net)
            #expect(total == "total,,3000,\(segments),\(BillingAmount.kroner(net)),\(BillingAmount.kroner(vat)),\(BillingAmount.kroner(net + vat))")

            let exporter = BillingExporter(database: try harness.service.storage.pluginDatabase(kind: SMSPluginFactory.kind, schema: SMSSchema.schema))
            let zone = TimeZone(identifier: "Europe/Oslo")!
            let from = try #require(BillingExportRequest.startOfDay("2026-01-01", in: zone))
            let lastDay = try #require(BillingExportRequest.startOfDay("2026-01-31", in: zone))
            let written = LockedBytes()
            _ = try await exporter.export(
                BillingExportRequest(from: from, to: BillingExportRequest.nextDay(lastDay, in: zone), tenant: "acme", groupBy: .user, format: .csv),
                write: { written.append($0) })
            #expect(csv.body == written.bytes, "the same bytes as the command line's export")

            let json = try await harness.request(.get, "/api/v1/admin/billing?from=2026-01-01&to=2026-01-31&format=json", token: admin)
            #expect(json.headers["Content-Type"] == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body)) as? [String: Any])
            let jsonRows = try #require(object["rows"] as? [[String: Any]])
            #expect(jsonRows.compactMap { $0["id"] as? Int }.map(String.init) == ids)
            #expect((object["total"] as? [String: Any])?["netOre"] as? Int == net)
            // Gross is net plus VAT on every row and in the total, and VAT is 25 % of net
            // rounded to the øre (half up), computed here, not by the exporter.
            for row in jsonRows {
                let (rowNet, rowVAT, rowGross) = (row["netOre"] as? Int ?? -1, row["vatOre"] as? Int ?? -1, row["grossOre"] as? Int ?? -1)
                #expect(rowGross == rowNet + rowVAT && rowVAT == (rowNet * 25 + 50) / 100, "\(row)")
            }
            let totals = try #require(object["total"] as? [String: Any])
            #expect(totals["grossOre"] as? Int == net + (totals["vatOre"] as? Int ?? -1))
            #expect(totals["vatOre"] as? Int == (net * 25 + 50) / 100)
        }
    }
}

/// GW-6 in Norwegian spreadsheets through the API: `;` between fields, decimal commas, and a
/// field holding a `;` quoted (issue 18).
@Suite("Billing export as csv-nb through the API", .serialized)
struct BillingCSVNBTests {
    @Test func aSemicolonInsideAFieldIsQuotedAndAmountsUseDecimalCommas() async throws {
        try await APIHarness.with { harness in
            try await harness.service.storage.database.access { database in
                try database.execute(
                    """
                    INSERT INTO sms_ledger (idempotency_key, tenant, user, department, queue, purpose, recipient_masked, encoding,
                        segments, unit_price_ore, net_ore, provider, provider_message_id, provider_segments, status, created_at,
                        send_after, expires_at, accepted_at)
                    VALUES ('e1|+4791100001|phone', 'acme', 'ann', 'nord; sør', NULL, 'phone', '+47******01', 'GSM-7', 2, 49, 98,
                        'log', 'm-1', 2, 'accepted', ?, ?, ?, ?)
                    """,
                    [
                        .integer(BillingAPITests.acceptedAt), .integer(BillingAPITests.acceptedAt),
                        .integer(BillingAPITests.acceptedAt + 900_000), .integer(BillingAPITests.acceptedAt),
                    ])
            }
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            let export = try await harness.request(.get, "/api/v1/admin/billing?from=2026-01-01&to=2026-01-31&format=csv-nb", token: admin)
            #expect(export.status == 200)
            let lines = export.text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "id;accepted_at;tenant;user;department;queue;purpose;recipient;encoding;segments;provider_segments;segment_mismatch;unit_price;net;vat;gross;status;provider;provider_message_id")
            #expect(lines.dropFirst().first == #"1;2026-01-10T12:00:00.000Z;acme;ann;"nord; sør";;phone;+47******01;GSM-7;2;2;0;0,49;0,98;0,25;1,23;accepted;log;m-1"#)
        }
    }
}

/// Bytes appended from a `@Sendable` writer.
private final class LockedBytes: Sendable {
    private let storage = Mutex<[UInt8]>([])
    var bytes: [UInt8] { storage.withLock { $0 } }
    func append(_ chunk: [UInt8]) { storage.withLock { $0 += chunk } }
}
