import PluginKit
import TOML

extension ConfigReader {
    /// A required identifier: 1–64 of lowercase letters, digits, `-` and `_`, starting with a
    /// letter or digit. Identifiers name tenants, users and queues in URLs and events.
    func identifier(_ key: String) -> String? {
        value(key, required: true) { (value: TOMLValue) -> Result<String, ConfigValueError> in
            guard case .string(let text) = value else { return .failure(.expected("an identifier string", found: value)) }
            guard Identifier.isValid(text) else {
                return .failure(ConfigValueError("\"\(text)\" is not an identifier; expected 1–64 of a–z, 0–9, '-' and '_', starting with a letter or digit"))
            }
            return .success(text)
        }
    }
}

/// The rule for identifiers of tenants, users and queues, shared by config.toml and the API.
enum Identifier {
    /// Whether `text` is 1–64 of lowercase letters, digits, `-` and `_`, starting with a
    /// letter or digit.
    static func isValid(_ text: String) -> Bool {
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        let first = text.unicodeScalars.first
        return (1...64).contains(text.count) && allowed && first != "-" && first != "_"
    }
}
