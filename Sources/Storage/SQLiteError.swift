/// A failed SQLite call: the result codes SQLite returned, its message, and the SQL that
/// was being prepared or run (when there was one).
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// SQLite's primary result code (the low byte of the extended code), e.g. `SQLITE_BUSY`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The numeric primary result code.
        public let rawValue: Int32

        /// Creates a code from SQLite's numeric primary result code.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// `SQLITE_ERROR`: generic error, e.g. bad SQL or a missing table.
        public static let error = Code(rawValue: 1)
        /// `SQLITE_BUSY`: another connection holds the lock past the busy timeout.
        public static let busy = Code(rawValue: 5)
        /// `SQLITE_LOCKED`: a conflict inside this connection.
        public static let locked = Code(rawValue: 6)
        /// `SQLITE_READONLY`: the database cannot be written.
        public static let readOnly = Code(rawValue: 8)
        /// `SQLITE_IOERR`: the operating system reported an I/O error.
        public static let ioError = Code(rawValue: 10)
        /// `SQLITE_CORRUPT`: the database file is malformed.
        public static let corrupt = Code(rawValue: 11)
        /// `SQLITE_INTERRUPT`: the statement was stopped (a deadline passed).
        public static let interrupt = Code(rawValue: 9)
        /// `SQLITE_FULL`: the disk is full.
        public static let full = Code(rawValue: 13)
        /// `SQLITE_CANTOPEN`: the file could not be opened.
        public static let cannotOpen = Code(rawValue: 14)
        /// `SQLITE_CONSTRAINT`: a UNIQUE, NOT NULL, CHECK or foreign key constraint failed.
        public static let constraint = Code(rawValue: 19)
        /// `SQLITE_MISUSE`: the library was used incorrectly.
        public static let misuse = Code(rawValue: 21)
        /// `SQLITE_RANGE`: a bind parameter index is out of range.
        public static let range = Code(rawValue: 25)

        /// `SQLITE_` code number, e.g. `code 19`.
        public var description: String { "code \(rawValue)" }
    }

    /// The primary result code; switch on this.
    public var code: Code
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    public var extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`) or ours for checks made in Swift.
    public var message: String
    /// The statement being prepared or run, if any. It holds SQL text only: values are
    /// always bound as parameters, so no row data ends up here.
    public var sql: String?

    /// Creates an error from an extended result code.
    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.code = Code(rawValue: extendedCode & 0xff)
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// `SQLite error <code>/<extended>: <message> [in: <sql>]`, for logs.
    public var description: String {
        let location = sql.map { " in: \($0)" } ?? ""
        return "SQLite error \(code.rawValue)/\(extendedCode): \(message)\(location)"
    }
}
