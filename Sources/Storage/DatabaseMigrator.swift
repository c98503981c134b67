public import PluginKit

/// Brings a database's schema up to date by running named migrations in order, each in one
/// transaction, and remembering in the database which ones ran (table `schema_migration`).
/// The gateway's own migrations and every plugin kind's (``register(_:owner:)``) run from one
/// migrator, once, when the gateway opens its database; a plugin's are recorded as
/// `KIND/NAME` and run restricted to the plugin's tables.
///
/// Rules for whoever adds a migration (as GRDB's migration guide has them):
/// - Append only: a new migration goes at the end, under a new name.
/// - Never edit a migration once it has shipped; write a new one that changes what it did.
/// - Talk SQL, not the app's current types: a migration describes a past schema, and must
///   keep meaning the same thing when the code around it changes.
///
/// Migrating is idempotent: migrations already recorded are skipped, so opening a database
/// migrates it at no cost once it is current. A database recording migrations this build
/// does not know was written by a newer build; ``migrate(_:)`` refuses it.
public struct DatabaseMigrator: Sendable {
    /// One named schema change.
    public struct Migration: Sendable {
        /// The name the database records; unique within the migrator, never changed.
        public let name: String
        /// The change itself, run inside the migration's transaction.
        public let body: @Sendable (SQLiteDatabase) throws -> Void
    }

    /// The registered migrations in the order they run.
    public private(set) var migrations: [Migration] = []
    /// Migrations recorded under an old name that another owner now runs: renamed in the
    /// record before anything is compared (`create sms_ledger` became the SMS plugin's).
    public private(set) var moves: [(from: String, to: String)] = []
    /// The plugin kinds whose migrations are registered.
    private var owners: Set<String> = []

    /// Creates a migrator with no migrations.
    public init() {}

    /// Appends a migration. `name` must not be registered yet (a repeated name is a
    /// programming error and stops the process). `body` runs in a transaction with foreign
    /// key checks deferred to its commit, so it may rebuild tables.
    public mutating func registerMigration(_ name: String, _ body: @escaping @Sendable (SQLiteDatabase) throws -> Void) {
        precondition(!migrations.contains { $0.name == name }, "migration \"\(name)\" is registered twice")
        migrations.append(Migration(name: name, body: body))
    }

    /// Appends a plugin kind's migrations, recorded as `OWNER/NAME`; each runs restricted to
    /// the tables of the schema's namespace (``SQLiteDatabase/restricted(to:_:)``). A second
    /// kind with the same owner or namespace is a programming error and stops the process.
    public mutating func register(_ schema: PluginSchema, owner: String) {
        guard let namespace = TableNamespace(schema.namespace) else {
            preconditionFailure("plugin \(owner)'s table namespace \"\(schema.namespace)\" is not lowercase letters and digits")
        }
        precondition(owners.insert(owner).inserted, "plugin \(owner)'s migrations are registered twice")
        for migration in schema.migrations {
            let sql = migration.sql
            registerMigration("\(owner)/\(migration.name)") { database in
                try database.restricted(to: namespace) { try database.execute(sql) }
            }
        }
    }

    /// Records that the migration once recorded as `old` is now registered as `new` (it
    /// moved to a plugin): a database that ran it under the old name is not run again.
    public mutating func recordMove(from old: String, to new: String) {
        moves.append((old, new))
    }

    /// The owner of a recorded name: the plugin kind before its `/`, or nil for the gateway's.
    private static func owner(of name: String) -> String? {
        name.firstIndex(of: "/").map { String(name[..<$0]) }
    }

    /// The names of the migrations recorded as applied in `database`, in the order they ran;
    /// empty for a database never migrated.
    public func appliedMigrations(in database: SQLiteDatabase) throws(SQLiteError) -> [String] {
        let exists = try database.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
        guard try exists.step() else { return [] }
        let select = try database.prepare("SELECT name FROM schema_migration ORDER BY position")
        var names: [String] = []
        while try select.step() {
            guard let name = select.string(at: 0) else { throw SQLiteError(extendedCode: 11, message: "schema_migration has a row without a name") }
            names.append(name)
        }
        return names
    }

    /// Runs, in order, every registered migration `database` has not recorded yet, each in
    /// its own `BEGIN IMMEDIATE` transaction that also records it. Other connections may
    /// migrate the same file at the same time: each migration is checked again inside its
    /// transaction, so it runs once.
    ///
    /// A recorded migration of a plugin kind not registered here (a plugin no longer
    /// configured, or a migrator of the gateway's tables alone) is left alone.
    ///
    /// Throws ``MigrationError`` when the database records migrations of the gateway or of a
    /// registered plugin that this build does not know (changing nothing), or when a migration fails (its transaction is rolled back;
    /// those before it stay applied, those after it do not run).
    public func migrate(_ database: SQLiteDatabase) throws(MigrationError) {
        let applied: [String]
        do {
            try database.execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    position INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                )
                """)
            for move in moves {
                try database.execute("UPDATE schema_migration SET name = ? WHERE name = ?", [.text(move.to), .text(move.from)])
            }
            applied = try appliedMigrations(in: database)
        } catch {
            throw MigrationError(path: database.path, failedMigration: nil, cause: error)
        }
        let known = Set(migrations.map(\.name))
        let owners = self.owners
        let unknown = applied.filter { name in
            guard !known.contains(name) else { return false }
            return Self.owner(of: name).map(owners.contains) ?? true
        }
        guard unknown.isEmpty else {
            throw MigrationError(path: database.path, unknownMigrations: unknown, latestKnown: migrations.last?.name)
        }
        let done = Set(applied)
        for migration in migrations where !done.contains(migration.name) {
            do {
                try database.transaction {
                    let check = try database.prepare("SELECT 1 FROM schema_migration WHERE name = ?")
                    try check.bind([.text(migration.name)])
                    guard try !check.step() else { return }
                    try database.execute("PRAGMA defer_foreign_keys = ON")
                    try migration.body(database)
                    try database.execute("INSERT INTO schema_migration (name) VALUES (?)", [.text(migration.name)])
                }
            } catch {
                throw MigrationError(path: database.path, failedMigration: migration.name, cause: error)
            }
        }
    }
}
