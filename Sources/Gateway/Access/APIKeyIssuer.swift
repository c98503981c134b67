import PluginKit
import Storage
import Switchboard

/// A newly issued API key: the key itself is in this value only, never stored.
public struct IssuedAPIKey: Sendable, Encodable {
    /// The key's id, for listing and revoking.
    public let id: String
    /// What the key is for.
    public let name: String
    /// What it may do.
    public let scopes: [APIScope]
    /// The bearer token; shown once.
    public let key: String
}

extension AccessTables {
    /// Issues a key of `tenant` named `name` with `scopes` (`POST /admin/api-keys`,
    /// `sentralbord api-keys create`): 256 random bits, stored as SHA-256.
    public func issueAPIKey(tenant: String, name: String, scopes: [APIScope]) async throws -> IssuedAPIKey {
        let key = try AccessToken.generate(prefix: AccessToken.apiKeyPrefix)
        let id = "key_" + (try AccessToken.randomID())
        try await apiKeys.insert(.init(
            id: id, tenant: tenant, name: name, keyHash: try AccessToken.hash(key), scopes: scopes.map(\.rawValue),
            createdAt: Timestamp.now.millisecondsSinceEpoch))
        return IssuedAPIKey(id: id, name: name, scopes: scopes, key: key)
    }
}
