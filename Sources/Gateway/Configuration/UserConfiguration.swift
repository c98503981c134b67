import PluginKit
public import Switchboard
import TOML

/// A user of a company's directory: one element of `[[tenants.users]]`.
public struct UserConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Key `id` (required): unique in the company, used in URLs and events.
    public var id: String
    /// Key `name` (required): the name shown in the directory.
    public var name: String
    /// Key `department` (optional).
    public var department: String?
    /// Key `email` (optional): enables "send email" on the card (DIR-2).
    public var email: String?
    /// Key `mobile` (optional): mobile number; enables SMS to the user (DIR-2).
    public var mobile: PhoneNumber?
    /// Key `ip_number` (optional): IP/Teams number.
    public var ipNumber: PhoneNumber?
    /// Key `role`: `user`, `team_leader` or `admin`; default `user`.
    public var role: UserRole
    /// Key `language`: `nb` or `en`; default the company's language.
    public var language: Language

    /// Reads one user; nil if a required key is missing or wrong (the issue is reported).
    init?(config: ConfigReader, defaultLanguage: Language) {
        let id = config.identifier("id")
        let name = config.requiredText("name")
        department = config.string("department")
        email = config.string("email")
        mobile = config.phoneNumber("mobile")
        ipNumber = config.phoneNumber("ip_number")
        role = config.choice("role", default: UserRole.user)
        language = config.choice("language", default: defaultLanguage)
        if let email, !EmailAddress.isWellFormed(email) {
            config.report("email", "\"\(email)\" is not an email address; expected \(EmailAddress.expected)")
        }
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }

    /// Every number the user can be reached on.
    var numbers: [(key: String, number: PhoneNumber)] {
        [("mobile", mobile), ("ip_number", ipNumber)].compactMap { key, number in number.map { (key, $0) } }
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("id", .string(id))
        table.set("name", .string(name))
        table.set("department", ifPresent: department.map(TOMLValue.string))
        table.set("email", ifPresent: email.map(TOMLValue.string))
        table.set("mobile", ifPresent: mobile.map { .string($0.e164) })
        table.set("ip_number", ifPresent: ipNumber.map { .string($0.e164) })
        table.set("role", .string(role.rawValue))
        table.set("language", .string(language.rawValue))
        return table
    }
}
