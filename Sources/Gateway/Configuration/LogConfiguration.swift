public import PluginKit
import TOML

/// Logging: section `[log]`.
public struct LogConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// The least severe level written. Key `level`: trace, debug, info, notice, warning,
    /// error, critical; default info (one line per HTTP request).
    public var level = LogLevel.info
    /// Key `format`: `text` (readable lines) or `json` (one object per line); default text.
    public var format = LogFormat.text
    /// Key `personal_data`: when true, debug records show phone numbers unmasked; default false.
    public var personalData = false

    /// The defaults.
    public init() {}

    /// Reads `[log]`; absent keys keep their defaults.
    public init(config: ConfigReader) {
        level = config.choice("level", default: level)
        format = config.choice("format", default: format)
        personalData = config.boolean("personal_data", default: personalData)
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("level", .string(level.rawValue))
        table.set("format", .string(format.rawValue))
        table.set("personal_data", .boolean(personalData))
        return table
    }
}
