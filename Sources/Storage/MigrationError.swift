/// Why ``DatabaseMigrator/migrate(_:)`` could not bring a database up to date.
public struct MigrationError: Error, CustomStringConvertible {
    /// What went wrong, to switch on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case newerSchema, migrationFailed
        }

        private let value: Value

        /// The database records migrations this build does not know: a newer build wrote it.
        public static let newerSchema = Code(value: .newerSchema)
        /// A migration (or reading the migration table) failed; see ``MigrationError/cause``.
        public static let migrationFailed = Code(value: .migrationFailed)

        /// The code's name.
        public var description: String {
            switch value {
            case .newerSchema: "newerSchema"
            case .migrationFailed: "migrationFailed"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// The database file.
    public var path: String
    /// For ``Code/newerSchema``: the recorded migrations this build does not know.
    public var unknownMigrations: [String]
    /// For ``Code/migrationFailed``: the migration that failed, or nil when reading the
    /// migration table failed.
    public var failedMigration: String?
    /// The underlying error, usually an ``SQLiteError``.
    public var cause: (any Error)?
    private var latestKnown: String?

    init(path: String, unknownMigrations: [String], latestKnown: String?) {
        code = .newerSchema
        self.path = path
        self.unknownMigrations = unknownMigrations
        self.latestKnown = latestKnown
    }

    init(path: String, failedMigration: String?, cause: any Error) {
        code = .migrationFailed
        self.path = path
        self.unknownMigrations = []
        self.failedMigration = failedMigration
        self.cause = cause
    }

    /// One sentence saying what happened and what to do, for logs and start-up errors.
    public var description: String {
        switch code {
        case .newerSchema:
            let names = unknownMigrations.map { "\"\($0)\"" }.joined(separator: ", ")
            let latest = latestKnown.map { "the latest this build knows is \"\($0)\"" } ?? "this build knows none"
            return "\(path) was written by a newer version of Sentralbord: it has migrations \(names) "
                + "that this build does not know (\(latest)); run the newer version or restore a backup"
        default:
            let what = failedMigration.map { "migration \"\($0)\" failed" } ?? "reading its migrations failed"
            return "cannot migrate \(path): \(what): \(cause.map { "\($0)" } ?? "unknown error")"
        }
    }
}
