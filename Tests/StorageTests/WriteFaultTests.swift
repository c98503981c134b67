import Foundation
import PluginKit
import Storage
import Synchronization
import Testing

/// A write that fails for a storage fault is told with its cause and what to do, once per
/// change, and writes that work again clear it (issue 11, item 6). A page cap stands in for
/// a full disk: SQLite fails both with SQLITE_FULL.
@Suite("Event log write faults")
struct WriteFaultTests {
    @Test func aFullDiskIsOneFaultWithItsCauseUntilWritesWorkAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        let pages: Int64 = try {
            let log = try EventLog.open(path: path)
            _ = log
            let database = try SQLiteDatabase(path: path)
            let statement = try database.prepare("PRAGMA page_count")
            _ = try statement.step()
            return statement.int64(at: 0)
        }()
        let log = try EventLog.open(path: path, configuration: SQLiteConfiguration(maxPageCount: Int(pages) + 4))
        let seen = Mutex<[StorageFault?]>([])
        log.observeWriteFault { fault in seen.withLock { $0.append(fault) } }
        let text = String(repeating: "x", count: 2000)
        var failures = 0
        for index in 0..<40 {
            do {
                _ = try await log.append([NewEvent(id: "e\(index)", type: "call.missed", tenant: "acme", occurredAt: Date(), data: ["note": .string(text)])])
            } catch {
                failures += 1
            }
        }
        #expect(failures > 1, "the page cap was reached and writes kept failing")
        #expect(log.writeFault?.code == .full)
        #expect(log.writeFault?.description.contains("free space") == true)
        #expect(seen.withLock { $0 }.count == 1, "told once, not once per failed write")
        #expect(StorageFault(SQLiteError(extendedCode: 8, message: "attempt to write a readonly database"))?.cause.contains("read-only") == true)
        #expect(StorageFault(SQLiteError(extendedCode: 19, message: "UNIQUE constraint failed")) == nil, "a constraint is no storage fault")
    }

    @Test func aStatementPastItsDeadlineIsInterrupted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-deadline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("d.sqlite").path)
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        #expect { try database.stopping(at: .now + .milliseconds(50)) { _ = try database.prepare(endless).step() } } throws: { error in
            (error as? SQLiteError)?.code == .interrupt
        }
        let quick = try database.stopping(at: .now + .seconds(60)) { () throws -> Bool in try database.prepare("SELECT 1").step() }
        #expect(quick, "a statement within its deadline runs, and the handler is gone afterwards")
        #expect(try database.prepare("SELECT 2").step())
    }
}
