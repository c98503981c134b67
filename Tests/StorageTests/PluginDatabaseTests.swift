import Foundation
import PluginKit
import Storage
import Testing

/// Two plugin kinds' schemas, as a third party would write them.
private let notes = PluginSchema(namespace: "notes", migrations: [
    PluginMigration("create notes_entry", sql: "CREATE TABLE notes_entry (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, text TEXT NOT NULL)"),
    PluginMigration("index notes_entry", sql: "CREATE INDEX notes_entry_tenant ON notes_entry (tenant)"),
])
private let tasks = PluginSchema(namespace: "tasks", migrations: [
    PluginMigration("create tasks_item", sql: "CREATE TABLE tasks_item (id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, done INTEGER NOT NULL)"),
])

@Suite("Plugin tables: one migrator, each plugin in its own namespace")
struct PluginDatabaseTests {
    @Test func oneMigrationPassRecordsEachPluginsMigrationsUnderItsKindAndRunsThemOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("gateway.db")
        let database = try SQLiteDatabase(path: path)
        try StorageSchema.migrate(database, plugins: [("notes", notes), ("tasks", tasks)])
        try StorageSchema.migrate(database, plugins: [("notes", notes), ("tasks", tasks)])
        let applied = try StorageSchema.migrator.appliedMigrations(in: database)
        #expect(applied.filter { $0.contains("/") } == ["notes/create notes_entry", "notes/index notes_entry", "tasks/create tasks_item"])
        #expect(applied.first == "create event", "the gateway's own first, then the plugins'")
        // A plugin no longer configured leaves its records alone; a gateway-only pass still works.
        try StorageSchema.migrate(database)
        try StorageSchema.migrate(database, plugins: [("notes", notes)])
    }

    @Test func aPluginsMigrationMayNotTouchAnotherPluginsOrTheGatewaysTables() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("gateway.db"))
        try StorageSchema.migrate(database, plugins: [("tasks", tasks)])
        for sql in [
            "CREATE TABLE notes_copy AS SELECT * FROM event",
            "CREATE TABLE tasks_copy (id INTEGER)",
            "DROP TABLE tasks_item",
            "CREATE INDEX notes_x ON tasks_item (tenant)",
            "CREATE TABLE other (id INTEGER)",
            "PRAGMA foreign_keys = OFF",
        ] {
            let rogue = PluginSchema(namespace: "notes", migrations: [PluginMigration("rogue", sql: sql)])
            #expect(throws: MigrationError.self, "\(sql)") { try StorageSchema.migrate(database, plugins: [("notes", rogue)]) }
        }
        #expect(try StorageSchema.migrator.appliedMigrations(in: database).filter { $0.hasPrefix("notes/") }.isEmpty, "nothing of it was recorded")
        #expect(try database.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'tasks_item'").step(), "tasks_item is still there")
    }

    @Test func theHandleReadsAndWritesItsOwnTablesAndIsRefusedEveryOther() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("gateway.db")
        try StorageSchema.migrate(SQLiteDatabase(path: path), plugins: [("notes", notes), ("tasks", tasks)])
        let handle = try SQLitePluginDatabase(path: path, namespace: try #require(TableNamespace("notes")))
        let id = try await handle.write { writer in
            try writer.execute("INSERT INTO notes_entry (tenant, text) VALUES (?, ?)", [.text("acme"), .text("Ring Kari")])
            return writer.lastInsertedRowID
        }
        let text = try await handle.read { try $0.row("SELECT text FROM notes_entry WHERE id = ?", [.integer(id)])?.get("text", as: String.self) }
        #expect(text == "Ring Kari")
        for sql in ["SELECT * FROM tasks_item", "SELECT * FROM event", "SELECT * FROM api_key", "DELETE FROM tasks_item", "PRAGMA table_info(tasks_item)"] {
            await #expect("\(sql)") {
                try await handle.write { try $0.execute(sql) }
            } throws: { error in
                guard case .notAuthorized(let message)? = error as? PluginDatabaseError else { return false }
                return message.contains("notes_")
            }
        }
        await #expect(throws: PluginDatabaseError.self) { try await handle.read { try $0.rows("SELECT * FROM session", []) } }
        await #expect(throws: PluginDatabaseError.self, "a read is read-only") {
            try await handle.read { reader in try reader.rows("INSERT INTO notes_entry (tenant, text) VALUES ('acme', 'x') RETURNING id", []) }
        }
        #expect(try await handle.read { try $0.rows("SELECT id FROM notes_entry", []) }.count == 1, "the refused statements changed nothing")
    }

    @Test func aWriteThatThrowsCommitsNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("gateway.db")
        let handle = try SQLitePluginDatabase.open(path: path, kind: "notes", schema: notes)
        struct Stop: Error {}
        await #expect(throws: Stop.self) {
            try await handle.write { writer in
                try writer.execute("INSERT INTO notes_entry (tenant, text) VALUES ('acme', 'half')", [])
                throw Stop()
            }
        }
        #expect(try await handle.read { try $0.rows("SELECT id FROM notes_entry", []) }.isEmpty)
    }

    @Test func rowsDecodeByNameAndAMissingColumnOrWrongTypeIsAnErrorNotADefault() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let handle = try SQLitePluginDatabase.open(path: directory.path("gateway.db"), kind: "notes", schema: notes)
        try await handle.write { try $0.execute("INSERT INTO notes_entry (tenant, text) VALUES ('acme', '42')") }
        let row = try #require(try await handle.read { try $0.row("SELECT id, tenant, text, NULL AS absent FROM notes_entry") })
        #expect(try row.get("tenant", as: String.self) == "acme")
        #expect(try row.get("absent", as: String?.self) == nil)
        #expect(throws: PluginDatabaseError.wrongType(column: "text", expected: "integer", found: .text("42"))) { try row.get("text", as: Int.self) }
        #expect(throws: PluginDatabaseError.wrongType(column: "absent", expected: "text", found: .null)) { try row.get("absent", as: String.self) }
        #expect(throws: PluginDatabaseError.missingColumn("author", available: ["id", "tenant", "text", "absent"])) { try row.get("author", as: String.self) }
    }

    @Test func aCompanysHandleRefusesRowsOfAnotherCompany() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let handle = try SQLitePluginDatabase.open(path: directory.path("gateway.db"), kind: "notes", schema: notes)
        try await handle.write { writer in
            try writer.execute("INSERT INTO notes_entry (tenant, text) VALUES ('acme', 'a'), ('birk', 'b')")
        }
        let acme = CompanyScopedDatabase(handle, company: "acme")
        let own = try await acme.read { try $0.rows("SELECT text, tenant FROM notes_entry WHERE tenant = ?", [.text("acme")]) }
        #expect(try own.map { try $0.get("text", as: String.self) } == ["a"])
        await #expect(throws: PluginDatabaseError.otherCompany(column: "tenant")) {
            try await acme.read { try $0.rows("SELECT text, tenant FROM notes_entry", []) }
        }
        await #expect(throws: PluginDatabaseError.otherCompany(column: "tenant")) {
            try await acme.write { try $0.rows("SELECT * FROM notes_entry ORDER BY tenant DESC", []) }
        }
    }

    @Test func theSMSLedgersMigrationMovesFromTheGatewayToTheSMSPlugin() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("gateway.db"))
        // A database of the build before: the ledger created by the gateway's own migration.
        try StorageSchema.migrate(database)
        try database.execute("CREATE TABLE sms_ledger (id INTEGER PRIMARY KEY)")
        try database.execute("INSERT INTO schema_migration (name) VALUES ('create sms_ledger')")
        let sms = PluginSchema(namespace: "sms", migrations: [PluginMigration("create sms_ledger", sql: "CREATE TABLE sms_ledger (id INTEGER PRIMARY KEY)")])
        try StorageSchema.migrate(database, plugins: [("sms", sms)])
        let applied = try StorageSchema.migrator.appliedMigrations(in: database)
        #expect(applied.contains("sms/create sms_ledger") && !applied.contains("create sms_ledger"), "renamed, not run again: \(applied)")
    }
}

@Suite("The gateway's own tables read rows by name, strictly")
struct StrictRowTests {
    /// A session row whose tenant a damaged file holds as bytes: the lookup fails, naming the
    /// column, instead of returning a session of the company "".
    @Test func aValueOfTheWrongTypeFailsTheReadInsteadOfBecomingADefault() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.path("gateway.db"))
        try await StorageSchema.migrate(queue)
        let sessions = SessionTable(database: queue)
        let hash = [UInt8](repeating: 7, count: 32)
        try await sessions.insert(
            SessionTable.Row(tokenHash: hash, tenant: "acme", user: "kari", createdAt: 1, expiresAt: 2, revokedAt: nil), purgeBefore: 0)
        #expect(try await sessions.row(tokenHash: hash)?.tenant == "acme")
        try await queue.access { try $0.execute("UPDATE session SET tenant = X'00'") }
        await #expect(throws: PluginDatabaseError.wrongType(column: "tenant", expected: "text", found: .blob([0]))) {
            try await sessions.row(tokenHash: hash)
        }
    }
}
