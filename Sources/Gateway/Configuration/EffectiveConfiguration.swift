import PluginKit
import TOML

/// A configuration section that can show itself as it is in effect: every key, defaults
/// filled in, secrets redacted. `sentralbord check-config` prints these.
protocol EffectiveConfiguration {
    /// The section as a TOML table.
    var effective: TOMLTable { get }
}

extension TOMLTable {
    /// Sets `key` to `value` (no source position: the value was computed, not read).
    mutating func set(_ key: String, _ value: TOMLValue) {
        self[key] = TOMLNode(value, at: TOMLPosition(line: 0, column: 0))
    }

    /// Sets `key` to `value` when there is one.
    mutating func set(_ key: String, ifPresent value: TOMLValue?) {
        if let value { set(key, value) }
    }
}
