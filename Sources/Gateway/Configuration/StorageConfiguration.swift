import Foundation
import PluginKit
import TOML

/// Where durable state lives: section `[storage]`.
public struct StorageConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Key `data_directory`: the folder holding the SQLite database, created if missing;
    /// relative to the config file's folder. Default `data`.
    public var dataDirectory = "data"

    /// The database file inside the data directory.
    public var databasePath: String { (dataDirectory as NSString).appendingPathComponent("sentralbord.sqlite") }

    /// The defaults (relative to the working directory).
    public init() {}

    /// Reads `[storage]` (nil: the section is absent); the data directory is resolved against
    /// the config file's folder.
    init(config: ConfigReader?, root: ConfigReader) {
        var directory = config?.string("data_directory", default: dataDirectory) ?? dataDirectory
        if directory.isEmpty {
            config?.report("data_directory", "expected a folder path, found an empty string")
            directory = dataDirectory
        }
        dataDirectory = root.resolvePath(directory)
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("data_directory", .string(dataDirectory))
        return table
    }
}
