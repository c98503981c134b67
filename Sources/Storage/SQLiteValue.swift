public import PluginKit

/// A value bound to or read from an SQLite statement: PluginKit's ``DatabaseValue``, so the
/// gateway's tables and the plugins' bind the same values.
public typealias SQLiteValue = DatabaseValue
