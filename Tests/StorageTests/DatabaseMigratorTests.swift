import PluginKit
import Storage
import Testing

@Suite("DatabaseMigrator")
struct DatabaseMigratorTests {
    struct Broken: Error {}

    static func migrator(upTo count: Int) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        let all: [(String, @Sendable (SQLiteDatabase) throws -> Void)] = [
            ("create a", { try $0.execute("CREATE TABLE a (x INTEGER)") }),
            ("add a.y", { try $0.execute("ALTER TABLE a ADD COLUMN y TEXT") }),
            ("create b", { try $0.execute("CREATE TABLE b (z)") }),
        ]
        for (name, body) in all.prefix(count) { migrator.registerMigration(name, body) }
        return migrator
    }

    static func tables(_ database: SQLiteDatabase) throws -> [String] {
        let select = try database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        var names: [String] = []
        while try select.step() { names.append(select.string(at: 0) ?? "") }
        return names
    }

    @Test("applies every migration in order and records it")
    func fresh() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("m.db"))
        let migrator = Self.migrator(upTo: 3)
        #expect(try migrator.appliedMigrations(in: database) == [])
        try migrator.migrate(database)
        #expect(try migrator.appliedMigrations(in: database) == ["create a", "add a.y", "create b"])
        #expect(try Self.tables(database) == ["a", "b", "schema_migration"])
        try database.execute("INSERT INTO a (x, y) VALUES (1, 'one')", [])
    }

    @Test("is idempotent on reopen and applies only what is new")
    func reopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.db")
        do {
            let database = try SQLiteDatabase(path: path)
            try Self.migrator(upTo: 2).migrate(database)
            try database.execute("INSERT INTO a (x, y) VALUES (1, 'kept')", [])
        }
        let database = try SQLiteDatabase(path: path)
        try Self.migrator(upTo: 2).migrate(database)
        try Self.migrator(upTo: 3).migrate(database)
        try Self.migrator(upTo: 3).migrate(database)
        #expect(try Self.migrator(upTo: 3).appliedMigrations(in: database) == ["create a", "add a.y", "create b"])
        let count = try database.prepare("SELECT count(*) FROM a WHERE y = 'kept'")
        #expect(try count.step())
        #expect(count.int64(at: 0) == 1)
    }

    @Test("refuses a database migrated by a newer build, changing nothing")
    func newerSchema() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("m.db")
        let database = try SQLiteDatabase(path: path)
        try Self.migrator(upTo: 3).migrate(database)
        let error = try #require(throws: MigrationError.self) {
            try Self.migrator(upTo: 1).migrate(database)
        }
        #expect(error.code == .newerSchema)
        #expect(error.unknownMigrations == ["add a.y", "create b"])
        #expect(error.description.contains(path))
        #expect(error.description.contains("newer version"))
        #expect(error.description.contains(#""add a.y", "create b""#))
        #expect(error.description.contains(#"the latest this build knows is "create a""#))
        #expect(try Self.migrator(upTo: 3).appliedMigrations(in: database).count == 3)
    }

    @Test("a failing migration is rolled back whole; those before it stay")
    func failing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("m.db"))
        var migrator = Self.migrator(upTo: 1)
        migrator.registerMigration("half done") { database in
            try database.execute("CREATE TABLE half (x)")
            throw Broken()
        }
        migrator.registerMigration("never reached") { try $0.execute("CREATE TABLE never (x)") }
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(database) }
        #expect(error.code == .migrationFailed)
        #expect(error.failedMigration == "half done")
        #expect(error.cause is Broken)
        #expect(error.description.contains(#"migration "half done" failed"#))
        #expect(try migrator.appliedMigrations(in: database) == ["create a"])
        #expect(try Self.tables(database) == ["a", "schema_migration"])
        #expect(database.isAutocommit)
    }

    @Test("foreign keys are checked when a migration commits")
    func deferredForeignKeys() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("m.db"))
        var migrator = DatabaseMigrator()
        migrator.registerMigration("parent and child") { database in
            try database.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent INTEGER REFERENCES parent (id))")
            // Inserted before its parent: allowed while the checks are deferred.
            try database.execute("INSERT INTO child VALUES (1); INSERT INTO parent VALUES (1)")
        }
        migrator.registerMigration("orphan") { try $0.execute("INSERT INTO child VALUES (2)") }
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(database) }
        #expect(error.failedMigration == "orphan")
        #expect((error.cause as? SQLiteError)?.code == .constraint)
        #expect(try migrator.appliedMigrations(in: database) == ["parent and child"])
    }

    @Test("the storage schema migrates a fresh database and is current on reopen (the SMS ledger is the SMS plugin's)")
    func storageSchema() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.path("m.db"))
        try StorageSchema.migrator.migrate(database)
        try StorageSchema.migrator.migrate(database)
        #expect(try StorageSchema.migrator.appliedMigrations(in: database) == StorageSchema.migrator.migrations.map(\.name))
        #expect(try Self.tables(database) == [
            "api_key", "event", "idempotency_record", "login_challenge", "plugin_cursor", "plugin_dead_letter", "plugin_state",
            "plugin_status", "profile_picture", "schema_migration", "session",
        ])
    }
}
