import PluginKit
public import Switchboard
import TOML

/// A company served by the gateway (a tenant): one element of `[[tenants]]`.
public struct TenantConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Key `id` (required): unique, used in URLs, events and every stored row.
    public var id: String
    /// Key `name` (required): the company's name.
    public var name: String
    /// Key `language`: the company's default language, `nb` or `en`; default `nb`.
    public var language: Language
    /// `[[tenants.users]]`: the directory.
    public var users: [UserConfiguration]
    /// `[[tenants.queues]]`: the call queues.
    public var queues: [QueueConfiguration]
    /// `[[tenants.api_keys]]`: API keys provisioned in the file.
    public var apiKeys: [APIKeyConfiguration]

    /// Reads one company and checks it as a whole: unique ids and numbers, members and
    /// overflow queues that exist. Nil if a required key is missing or wrong.
    init?(config: ConfigReader) {
        let id = config.identifier("id")
        let name = config.requiredText("name")
        language = config.choice("language", default: Language.nb)
        let userReaders = config.tables("users")
        let queueReaders = config.tables("queues")
        var users: [UserConfiguration] = []
        var userIDs: Set<String> = []
        var numberOwners: [PhoneNumber: String] = [:]
        for reader in userReaders {
            guard let user = UserConfiguration(config: reader, defaultLanguage: language) else { continue }
            if !userIDs.insert(user.id).inserted {
                reader.report("id", "duplicate user id \"\(user.id)\"")
            }
            for (key, number) in user.numbers {
                if let owner = numberOwners.updateValue("user \"\(user.id)\"", forKey: number) {
                    reader.report(key, "\(number) is already the number of \(owner)")
                }
            }
            users.append(user)
        }
        var queues: [(QueueConfiguration, ConfigReader)] = []
        var queueIDs: Set<String> = []
        for reader in queueReaders {
            guard let queue = QueueConfiguration(config: reader) else { continue }
            if !queueIDs.insert(queue.id).inserted {
                reader.report("id", "duplicate queue id \"\(queue.id)\"")
            }
            if let owner = numberOwners.updateValue("queue \"\(queue.id)\"", forKey: queue.mainNumber) {
                reader.report("main_number", "\(queue.mainNumber) is already the number of \(owner)")
            }
            var seenMembers: Set<String> = []
            for member in queue.members {
                if !userIDs.contains(member.user) {
                    reader.report("members", "member \"\(member.user)\" is not a user of this company")
                } else if !seenMembers.insert(member.user).inserted {
                    reader.report("members", "\"\(member.user)\" is a member twice")
                }
            }
            queues.append((queue, reader))
        }
        for (queue, reader) in queues {
            guard let overflow = queue.overflowQueue else { continue }
            if overflow == queue.id {
                reader.report("overflow_queue", "a queue cannot overflow into itself")
            } else if !queueIDs.contains(overflow) {
                reader.report("overflow_queue", "\"\(overflow)\" is not a queue of this company")
            }
        }
        var keyNames: Set<String> = []
        var apiKeys: [APIKeyConfiguration] = []
        for reader in config.tables("api_keys") {
            guard let key = APIKeyConfiguration(config: reader) else { continue }
            if !keyNames.insert(key.name).inserted {
                reader.report("name", "duplicate API key name \"\(key.name)\"")
            }
            apiKeys.append(key)
        }
        guard let id, let name else { return nil }
        self.apiKeys = apiKeys
        self.id = id
        self.name = name
        self.users = users
        self.queues = queues.map(\.0)
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("id", .string(id))
        table.set("name", .string(name))
        table.set("language", .string(language.rawValue))
        let placed = { (section: TOMLTable) in TOMLNode(.table(section), at: TOMLPosition(line: 0, column: 0)) }
        table.set("users", .array(users.map { placed($0.effective) }))
        table.set("queues", .array(queues.map { placed($0.effective) }))
        table.set("api_keys", .array(apiKeys.map { placed($0.effective) }))
        return table
    }
}
