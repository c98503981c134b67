/// One row a query returned, read by column name. A column the query did not select, or a
/// value of another type than asked for, is a ``PluginDatabaseError``, never a default: a
/// corrupt or unexpected row stops the read instead of turning into plausible data.
public struct DatabaseRow: Sendable, Hashable {
    /// The statement's column names and where each is in ``values``; shared by every row of
    /// one query.
    public let columns: DatabaseColumns
    /// The row's values in column order.
    public let values: [DatabaseValue]

    /// A row of `values` in the order of `columns`.
    public init(columns: DatabaseColumns, values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw value of `column`.
    ///
    /// - Throws: ``PluginDatabaseError`` `.missingColumn` when the query has no such column.
    @inlinable
    public func value(_ column: String) throws(PluginDatabaseError) -> DatabaseValue {
        guard let index = columns.index(of: column) else { throw .missingColumn(column, available: columns.names) }
        return values[index]
    }

    /// The value of `column` as `Value` (an optional type accepts NULL).
    ///
    /// - Throws: ``PluginDatabaseError`` `.missingColumn` or `.wrongType`.
    @inlinable
    public func get<Value: DatabaseValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws(PluginDatabaseError) -> Value {
        let value = try value(column)
        guard let decoded = Value.fromDatabaseValue(value) else {
            throw .wrongType(column: column, expected: Value.databaseTypeName, found: value)
        }
        return decoded
    }

    /// The value at `index` — a column's position resolved once for every row of a query
    /// (``DatabaseColumns/positions(of:)``) — as `Value`: for reads of many rows, which then
    /// look no name up per row.
    ///
    /// - Throws: ``PluginDatabaseError`` `.wrongType`.
    @inlinable
    public func get<Value: DatabaseValueConvertible>(at index: Int, as type: Value.Type = Value.self) throws(PluginDatabaseError) -> Value {
        let value = values[index]
        guard let decoded = Value.fromDatabaseValue(value) else {
            throw .wrongType(column: columns.names[index], expected: Value.databaseTypeName, found: value)
        }
        return decoded
    }

    /// The value of `column` as a `RawRepresentable` whose raw value is stored (a status,
    /// an encoding).
    ///
    /// - Throws: ``PluginDatabaseError`` `.missingColumn`, `.wrongType`, or `.wrongType` when
    ///   the stored raw value names no case.
    @inlinable
    public func get<Value: RawRepresentable>(_ column: String, as type: Value.Type = Value.self) throws(PluginDatabaseError) -> Value
    where Value.RawValue: DatabaseValueConvertible {
        let raw = try get(column, as: Value.RawValue.self)
        guard let decoded = Value(rawValue: raw) else {
            throw .wrongType(column: column, expected: "a known \(Value.self)", found: raw.databaseValue)
        }
        return decoded
    }
}

/// The column names of one query's rows, looked up by name in constant time.
public final class DatabaseColumns: Sendable, Hashable {
    /// The names in column order.
    public let names: [String]
    @usableFromInline let indexes: [String: Int]

    /// Columns named `names`; a repeated name resolves to its first column.
    public init(_ names: [String]) {
        self.names = names
        indexes = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where each of `names` is, in their order: resolved once for the rows of a query.
    ///
    /// - Throws: ``PluginDatabaseError`` `.missingColumn` for the first name the query lacks.
    public func positions(of names: [String]) throws(PluginDatabaseError) -> [Int] {
        var positions: [Int] = []
        positions.reserveCapacity(names.count)
        for name in names {
            guard let index = indexes[name] else { throw .missingColumn(name, available: self.names) }
            positions.append(index)
        }
        return positions
    }

    /// Where `name` is, or nil.
    @inlinable
    public func index(of name: String) -> Int? { indexes[name] }

    /// Equal when the names are.
    public static func == (lhs: DatabaseColumns, rhs: DatabaseColumns) -> Bool { lhs.names == rhs.names }

    /// Hashes the names.
    public func hash(into hasher: inout Hasher) { hasher.combine(names) }
}
