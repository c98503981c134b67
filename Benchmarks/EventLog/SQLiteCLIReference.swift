import Foundation
import PluginKit

/// The reference: the `sqlite3` command-line shell inserting `rows` rows shaped like the log's,
/// into the same table, in one transaction, with the log's pragmas. Timed from start to exit,
/// so it includes starting the shell and parsing the SQL text.
struct SQLiteCLIReference {
    let database: String
    let script: String
    let rows: Int

    init(directory: String, rows: Int) throws {
        database = directory + "/reference.db"
        script = directory + "/reference.sql"
        self.rows = rows
        var sql = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE event (
                seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL, type TEXT NOT NULL,
                call_id TEXT, call_seq INTEGER, occurred_at INTEGER NOT NULL, data TEXT NOT NULL);
            CREATE INDEX event_tenant_seq ON event (tenant, seq);
            CREATE INDEX event_call ON event (call_id, call_seq) WHERE call_id IS NOT NULL;
            BEGIN;

            """
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for row in 1...rows {
            let event = BenchmarkEvent.make(row)
            sql += "INSERT INTO event VALUES (\(row), '\(event.id)', '\(event.tenant)', '\(event.type)', "
                + "'\(event.callId ?? "")', \(event.callSeq ?? 0), \(now), '\(BenchmarkEvent.dataText(row))');\n"
        }
        sql += "COMMIT;\n"
        try sql.write(toFile: script, atomically: false, encoding: .utf8)
    }

    /// Runs `sqlite3 DATABASE < SCRIPT` and returns rows per second.
    func run() throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: script))
        process.standardOutput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure(message: "sqlite3 exited with status \(process.terminationStatus)")
        }
        return Double(rows) / elapsed.seconds
    }
}

/// A benchmark step that could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension Duration {
    /// The duration in seconds, with fractions.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
