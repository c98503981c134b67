import PluginKit
import Foundation
import Storage
import Testing

@Suite("SQLiteDatabase")
struct SQLiteDatabaseTests {
    @Test("opens in WAL mode with the configured synchronous level")
    func walMode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("wal.db"), configuration: .init(synchronous: .normal))
        let journal = try database.prepare("PRAGMA journal_mode")
        #expect(try journal.step())
        #expect(journal.string(at: 0) == "wal")
        let synchronous = try database.prepare("PRAGMA synchronous")
        #expect(try synchronous.step())
        #expect(synchronous.int64(at: 0) == 1)
        try database.execute("CREATE TABLE t (x)")
        #expect(FileManager.default.fileExists(atPath: directory.path("wal.db-wal")))
    }

    @Test("typed values round trip and survive close and reopen")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("events.db")
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute("CREATE TABLE event (id INTEGER PRIMARY KEY, kind TEXT, weight REAL, payload BLOB, note TEXT)")
            try database.execute(
                "INSERT INTO event (kind, weight, payload, note) VALUES (?, ?, ?, ?)",
                ["call.arrived", 1.5, .blob([0, 1, 2, 255]), nil])
            #expect(database.lastInsertRowID == 1)
            #expect(database.changes == 1)
            try database.execute("INSERT INTO event (kind, weight, payload, note) VALUES (?, ?, ?, ?)", ["blåbær ✓", 2.0, .blob([]), "x"])
            #expect(database.lastInsertRowID == 2)
            try database.execute("UPDATE event SET weight = weight * 2")
            #expect(database.changes == 2)
        }

        let reopened = try SQLiteDatabase(path: path)
        let select = try reopened.prepare("SELECT id, kind, weight, payload, note FROM event ORDER BY id")
        #expect(select.columnCount == 5)
        #expect(select.columnName(at: 1) == "kind")
        #expect(try select.step())
        #expect(select.int64(at: 0) == 1)
        #expect(select.string(at: 1) == "call.arrived")
        #expect(select.double(at: 2) == 3.0)
        #expect(select.bytes(at: 3) == [0, 1, 2, 255])
        #expect(select.isNull(at: 4))
        #expect(select.string(at: 4) == nil)
        #expect(try select.step())
        #expect(select.row() == [2, "blåbær ✓", 4.0, .blob([]), "x"])
        #expect(try select.step() == false)
    }

    @Test("a prepared statement is reused with new bindings")
    func reuse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("reuse.db"))
        try database.execute("CREATE TABLE n (value INTEGER NOT NULL)")
        let insert = try database.prepare("INSERT INTO n (value) VALUES (?)")
        try database.transaction {
            for value in Int64(1)...100 {
                try insert.bind([.integer(value)])
                #expect(try insert.step() == false)
            }
        }
        let sum = try database.prepare("SELECT count(*), sum(value) FROM n WHERE value > ?")
        try sum.bind([50])
        #expect(try sum.step())
        #expect(sum.row() == [50, 3775])
    }

    @Test("a throwing transaction rolls back everything")
    func rollback() throws {
        struct Abort: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("rollback.db"))
        try database.execute("CREATE TABLE t (value TEXT)")
        #expect(throws: Abort.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (?)", ["first"])
                try database.execute("INSERT INTO t VALUES (?)", ["second"])
                throw Abort()
            }
        }
        #expect(database.isAutocommit)
        let count = try database.prepare("SELECT count(*) FROM t")
        #expect(try count.step())
        #expect(count.int64(at: 0) == 0)

        let committed = try database.transaction { () throws -> Int64 in
            try database.execute("INSERT INTO t VALUES (?)", ["kept"])
            return database.lastInsertRowID
        }
        #expect(committed == 1)
        count.reset()
        #expect(try count.step())
        #expect(count.int64(at: 0) == 1)
    }

    @Test("a read transaction sees one snapshot and lets another connection write meanwhile")
    func readTransactionLetsWritersOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let reader = try SQLiteDatabase(path: directory.path("read.db"))
        try reader.execute("CREATE TABLE t (x INTEGER)")
        try reader.execute("INSERT INTO t VALUES (1)")
        let writer = try SQLiteDatabase(path: directory.path("read.db"))
        func count(_ database: SQLiteDatabase) throws -> Int64 {
            let statement = try database.prepare("SELECT count(*) FROM t")
            _ = try statement.step()
            return statement.int64(at: 0)
        }
        let (before, after) = try reader.readTransaction {
            let before = try count(reader)
            // A write transaction (`BEGIN IMMEDIATE`) would hold the write lock: this insert
            // would fail with SQLITE_BUSY.
            try writer.transaction { try writer.execute("INSERT INTO t VALUES (2)") }
            return (before, try count(reader))
        }
        #expect(before == 1 && after == 1, "the snapshot does not move within the transaction")
        #expect(try count(reader) == 2)
    }

    @Test("bad SQL gives an error with the code, message and SQL")
    func badSQL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("bad.db"))
        let error = try #require(throws: SQLiteError.self) {
            _ = try database.prepare("SELEC * FROM nowhere")
        }
        #expect(error.code == .error)
        #expect(error.sql == "SELEC * FROM nowhere")
        #expect(error.message.contains("syntax error"))
        #expect(error.description.contains("SELEC * FROM nowhere"))

        let missing = try #require(throws: SQLiteError.self) {
            try database.execute("SELECT * FROM nowhere")
        }
        #expect(missing.message.contains("no such table: nowhere"))
    }

    @Test("constraint violations carry the extended code")
    func constraint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("unique.db"))
        try database.execute("CREATE TABLE u (key TEXT UNIQUE)")
        try database.execute("INSERT INTO u VALUES (?)", ["a"])
        let error = try #require(throws: SQLiteError.self) {
            try database.execute("INSERT INTO u VALUES (?)", ["a"])
        }
        #expect(error.code == .constraint)
        #expect(error.extendedCode == 2067)
    }

    @Test("opening a path in a missing directory fails clearly")
    func cannotOpen() throws {
        let error = try #require(throws: SQLiteError.self) {
            _ = try SQLiteDatabase(path: "/nonexistent-sentralbord-dir/x.db")
        }
        #expect(error.code == .cannotOpen)
        #expect(error.message.contains("/nonexistent-sentralbord-dir/x.db"))
    }
}
