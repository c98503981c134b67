public import PluginKit
public import Switchboard
import TOML

extension ConfigReader {
    /// A phone number in any form `PhoneNumber(parsing:)` accepts, normalized to E.164.
    public func phoneNumber(_ key: String, required: Bool = false) -> PhoneNumber? {
        value(key, required: required) { (value: TOMLValue) -> Result<PhoneNumber, ConfigValueError> in
            guard case .string(let text) = value else { return .failure(.expected("a phone number string", found: value)) }
            do throws(PhoneNumber.ParseError) {
                return .success(try PhoneNumber(parsing: text))
            } catch {
                return .failure(ConfigValueError("\"\(text)\" is not a valid phone number: \(error.reason)"))
            }
        }
    }
}
