import PluginKit
import Switchboard
import TOML

extension ConfigReader {
    /// A required identifier: 1–64 of lowercase letters, digits, `-` and `_`, starting with a
    /// letter or digit. Identifiers name tenants, users and queues in URLs and events.
    func identifier(_ key: String) -> String? {
        value(key, required: true) { (value: TOMLValue) -> Result<String, ConfigValueError> in
            guard case .string(let text) = value else { return .failure(.expected("an identifier string", found: value)) }
            guard TenantID(rawValue: text).isWellFormed else {
                return .failure(ConfigValueError("\"\(text)\" is not an identifier; expected 1–64 of a–z, 0–9, '-' and '_', starting with a letter or digit"))
            }
            return .success(text)
        }
    }
}

