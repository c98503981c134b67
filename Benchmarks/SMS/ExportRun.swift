import Foundation
import PluginKit
import SMSPlugin
import Storage

/// 1,000,000 charged rows in a fresh ledger, exported as CSV by `BillingExporter` and by the
/// sqlite3 shell (the same rows, columns and order, `-csv -header`), each to a file.
struct ExportRun {
    let directory: String
    let rows: Int
    static let from: Int64 = 1_767_222_000_000
    static let to: Int64 = 1_769_900_400_000

    var database: String { directory + "/export.sqlite" }

    /// Fills the ledger with one INSERT … SELECT over a recursive CTE.
    func prepare() async throws {
        _ = try SQLitePluginDatabase.open(path: database, kind: SMSPluginFactory.kind, schema: SMSSchema.schema)
        let queue = try DatabaseQueue(path: database, configuration: SQLiteConfiguration(synchronous: .normal))
        let rows = self.rows
        try await queue.access { database in
            try database.transaction {
                try database.execute(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
                    INSERT INTO sms_ledger (idempotency_key, tenant, user, department, queue, purpose, recipient_masked,
                        encoding, segments, unit_price_ore, net_ore, provider, provider_message_id, provider_segments,
                        segment_mismatch, status, created_at, send_after, expires_at, accepted_at)
                    SELECT 'acme:' || i || '|+4791' || printf('%06d', i % 1000000) || '|missed-call',
                        'tenant-' || (i % 7), 'user-' || (i % 500), 'dept-' || (i % 12),
                        CASE WHEN i % 3 = 0 THEN NULL ELSE 'queue-' || (i % 9) END,
                        CASE i % 4 WHEN 0 THEN 'missed-call' WHEN 1 THEN 'phone' WHEN 2 THEN 'colleague' ELSE 'login-code' END,
                        '+47******' || printf('%02d', i % 100), CASE WHEN i % 10 = 0 THEN 'UCS-2' ELSE 'GSM-7' END,
                        1 + (i % 3), 49, 49 * (1 + (i % 3)), 'aws-sns', 'msg-' || i, 1 + (i % 3), 0,
                        CASE WHEN i % 5 = 0 THEN 'delivered' ELSE 'accepted' END,
                        \(Self.from) + i * 2000, \(Self.from) + i * 2000, \(Self.from) + i * 2000 + 900000, \(Self.from) + i * 2000 + 150
                    FROM n
                    """)
            }
        }
    }

    /// Our export to a file; returns seconds.
    func exportWithBillingExporter() async throws -> (seconds: Double, bytes: Int) {
        let ledger = try SQLitePluginDatabase.open(path: database, kind: SMSPluginFactory.kind, schema: SMSSchema.schema)
        let output = directory + "/ours.csv"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: output) else { throw BenchmarkFailure(message: "cannot write \(output)") }
        let start = ContinuousClock.now
        _ = try await BillingExporter(database: ledger).export(
            BillingExportRequest(
                from: Date(millisecondsSince1970: Self.from), to: Date(millisecondsSince1970: Self.to), groupBy: .user, format: .csv),
            write: { try handle.write(contentsOf: $0) })
        try handle.close()
        let seconds = (ContinuousClock.now - start).seconds
        return (seconds, Self.size(output))
    }

    /// `sqlite3 -csv -header DB "SELECT …" > FILE`, timed from start to exit.
    func exportWithSQLiteCLI() throws -> (seconds: Double, bytes: Int) {
        let output = directory + "/sqlite3.csv"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [
            "-csv", "-header", database,
            """
            SELECT id, accepted_at, tenant, user, department, queue, purpose, recipient_masked, encoding, segments,
                provider_segments, segment_mismatch, unit_price_ore, net_ore, status, provider, provider_message_id
            FROM sms_ledger WHERE status IN ('accepted', 'delivered', 'failed') AND accepted_at >= \(Self.from)
                AND accepted_at < \(Self.to) ORDER BY accepted_at, id
            """,
        ]
        process.standardOutput = FileHandle(forWritingAtPath: output)
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - start).seconds
        guard process.terminationStatus == 0 else { throw BenchmarkFailure(message: "sqlite3 exited with \(process.terminationStatus)") }
        return (seconds, Self.size(output))
    }

    private static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }
}

/// A benchmark step that could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
