public import PluginKit
import TOML

/// An API key provisioned in config.toml: one element of `[[tenants.api_keys]]`. Keys can
/// also be created at run time (`sentralbord api-keys create`, `POST /api/v1/admin/api-keys`).
public struct APIKeyConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Key `name` (required): what the key is for, e.g. `platform`; unique in the company.
    public var name: String
    /// Key `scopes` (required): any of `telephony`, `read`, `admin`.
    public var scopes: [APIScope]
    /// Key `key` (required): the key itself, as `env:NAME` or `file:PATH`; at least 32 characters.
    public var key: Secret

    /// Reads one key; nil if a required key is missing or wrong.
    init?(config: ConfigReader) {
        let name = config.requiredText("name")
        let scopeNames = config.strings("scopes")
        var scopes: [APIScope] = []
        for scopeName in scopeNames {
            if let scope = APIScope(rawValue: scopeName) {
                scopes.append(scope)
            } else {
                config.report("scopes", "unknown scope \"\(scopeName)\"; expected one of \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if config.contains("scopes"), scopeNames.isEmpty { config.report("scopes", "a key needs at least one scope") }
        if !config.contains("scopes") { config.report("scopes", "required key is missing") }
        let key = config.secret("key", required: true)
        if let key, key.reveal().count < 32 { config.report("key", "an API key must be at least 32 characters long") }
        guard let name, let key, !scopes.isEmpty, key.reveal().count >= 32 else { return nil }
        self.name = name
        self.scopes = scopes
        self.key = key
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("name", .string(name))
        table.set("scopes", .array(scopes.map { TOMLNode(.string($0.rawValue), at: TOMLPosition(line: 0, column: 0)) }))
        table.set("key", .string(key.source.description))
        return table
    }
}
