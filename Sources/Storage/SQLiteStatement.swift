public import PluginKit
import CSQLite

/// A compiled SQL statement of one ``SQLiteDatabase``; bind, step, read columns, reset.
///
/// It keeps its connection open and shares its isolation: same owner, one thread at a time.
/// Column indexes and parameter indexes follow SQLite: columns count from 0, parameters from 1.
public final class SQLiteStatement {
    private let database: SQLiteDatabase
    private let handle: OpaquePointer

    /// The SQL text the statement was compiled from.
    public let sql: String
    /// The result's column names, read once.
    private lazy var columns = DatabaseColumns((0..<columnCount).map(columnName(at:)))

    init(database: SQLiteDatabase, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `values` to parameters 1...n, clearing any others.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        reset()
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds `value` to the parameter at `index` (1-based). Text and blobs are copied.
    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let status: Int32
        switch value {
        case .integer(let integer):
            status = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            status = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            status = sqlite3_bind_text64(handle, index, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let bytes):
            status = bytes.withUnsafeBytes { buffer in
                // A null pointer would bind NULL instead of an empty blob.
                sqlite3_bind_blob64(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), UInt64(buffer.count), Self.transient)
            }
        case .null:
            status = sqlite3_bind_null(handle, index)
        }
        guard status == SQLITE_OK else { throw database.error(sql: sql) }
    }

    /// Advances to the next row: true when a row is ready to read, false when the statement
    /// has finished.
    public func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(sql: sql)
        }
    }

    /// Rewinds the statement so it can be stepped again; bindings are kept.
    public func reset() {
        // The error of a failed step was already reported by step(); reset repeats it.
        sqlite3_reset(handle)
    }

    /// The number of columns in a result row.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of the column at `index`.
    public func columnName(at index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    /// Whether the column at `index` of the current row is NULL.
    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column at `index` as an integer (SQLite converts; NULL reads as 0).
    public func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// The column at `index` as a double (SQLite converts; NULL reads as 0).
    public func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// The column at `index` as text, or nil when it is NULL.
    public func string(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column at `index` as bytes, or nil when it is NULL.
    public func bytes(at index: Int32) -> [UInt8]? {
        if isNull(at: index) { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let blob = sqlite3_column_blob(handle, index), count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    /// The column at `index` in its stored type.
    public func value(at index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index) ?? "")
        case SQLITE_BLOB: .blob(bytes(at: index) ?? [])
        default: .null
        }
    }

    /// Every column of the current row in its stored type.
    public func row() -> [SQLiteValue] {
        (0..<columnCount).map { value(at: $0) }
    }

    /// The current row, read by column name: a missing column or a value of another type is
    /// an error (``PluginDatabaseError``), never a default.
    public func namedRow() -> DatabaseRow {
        DatabaseRow(columns: columns, values: row())
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
