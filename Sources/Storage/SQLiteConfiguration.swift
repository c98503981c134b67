/// How an ``SQLiteDatabase`` connection is set up when it opens. Every connection runs in
/// WAL journal mode; these are the settings that vary.
public struct SQLiteConfiguration: Hashable, Sendable {
    /// SQLite's `PRAGMA synchronous` levels, i.e. when SQLite waits for the disk.
    public enum Synchronous: String, Hashable, Sendable {
        /// Never fsync: fastest, loses recent commits (and may corrupt) on power loss.
        case off = "OFF"
        /// In WAL mode, fsync at checkpoints only: a power loss may lose the last
        /// commits but never corrupts the database. Fast enough without group commit.
        case normal = "NORMAL"
        /// fsync the WAL at every commit: a committed transaction survives power loss.
        /// Use with group commit (many rows per transaction) to stay fast.
        case full = "FULL"
        /// Like `full`, and also fsync the directory after creating or deleting files.
        case extra = "EXTRA"
    }

    /// When SQLite waits for the disk; default `.full` (durable commits).
    public var synchronous: Synchronous
    /// How long a statement waits for another connection's lock before failing with
    /// `SQLiteError.Code.busy`; default 5 seconds.
    public var busyTimeout: Duration
    /// Whether foreign key constraints are enforced; default true.
    public var enforcesForeignKeys: Bool
    /// The most pages this connection lets the file grow to (`PRAGMA max_page_count`); a write
    /// past it fails with `SQLiteError.Code.full`, exactly as on a full disk (which is how the
    /// tests meet a full disk). Nil, the default, leaves SQLite's limit.
    public var maxPageCount: Int?

    /// Whether the connection refuses every change (`PRAGMA query_only`); default false.
    public var queryOnly: Bool

    /// Creates a configuration; every parameter has the default named on its property.
    public init(
        synchronous: Synchronous = .full, busyTimeout: Duration = .seconds(5), enforcesForeignKeys: Bool = true,
        maxPageCount: Int? = nil, queryOnly: Bool = false
    ) {
        self.queryOnly = queryOnly
        self.synchronous = synchronous
        self.busyTimeout = busyTimeout
        self.enforcesForeignKeys = enforcesForeignKeys
        self.maxPageCount = maxPageCount
    }
}
