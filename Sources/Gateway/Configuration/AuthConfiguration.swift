public import PluginKit
import TOML

/// Login and session settings: section `[auth]` (LOGIN-1, LOGIN-2).
public struct AuthConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// How one-time codes reach the user.
    public enum CodeDelivery: String, Sendable, Equatable, CaseIterable {
        /// Development: the code is written to the gateway's log (notice level) instead of
        /// being sent. Never use it in production.
        case log
        /// By SMS through the `[[plugins]]` instance of kind `sms` (when it is configured).
        case sms
    }

    /// Key `code_delivery`: `log` (development) or `sms`; default `log`.
    public var codeDelivery = CodeDelivery.log
    /// Key `code_valid_seconds`: how long a code can be entered; 60…900, default 300.
    public var codeValidSeconds = 300
    /// Key `code_attempts`: wrong codes allowed before the code is void; 1…10, default 5.
    public var codeAttempts = 5
    /// Key `codes_per_number_per_hour`: codes sent to one number per hour; 1…100, default 5.
    public var codesPerNumberPerHour = 5
    /// Key `codes_per_address_per_hour`: login requests from one client address per hour;
    /// 1…10000, default 30.
    public var codesPerAddressPerHour = 30
    /// Key `session_hours`: how long a session lasts after login; 1…720, default 12.
    public var sessionHours = 12

    /// The defaults.
    public init() {}

    /// Reads `[auth]`; absent keys keep their defaults.
    public init(config: ConfigReader) {
        codeDelivery = config.choice("code_delivery", default: codeDelivery)
        codeValidSeconds = config.integer("code_valid_seconds", default: codeValidSeconds, in: 60...900)
        codeAttempts = config.integer("code_attempts", default: codeAttempts, in: 1...10)
        codesPerNumberPerHour = config.integer("codes_per_number_per_hour", default: codesPerNumberPerHour, in: 1...100)
        codesPerAddressPerHour = config.integer("codes_per_address_per_hour", default: codesPerAddressPerHour, in: 1...10_000)
        sessionHours = config.integer("session_hours", default: sessionHours, in: 1...720)
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("code_delivery", .string(codeDelivery.rawValue))
        table.set("code_valid_seconds", .integer(Int64(codeValidSeconds)))
        table.set("code_attempts", .integer(Int64(codeAttempts)))
        table.set("codes_per_number_per_hour", .integer(Int64(codesPerNumberPerHour)))
        table.set("codes_per_address_per_hour", .integer(Int64(codesPerAddressPerHour)))
        table.set("session_hours", .integer(Int64(sessionHours)))
        return table
    }
}
