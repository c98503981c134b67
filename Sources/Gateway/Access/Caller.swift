public import Switchboard

/// Who is calling the API, established from the request's bearer token: a user of a
/// company through a login session, or an integration through an API key. Every request
/// is scoped to the caller's company.
public struct Caller: Sendable, Hashable {
    /// How the caller authenticated.
    public enum Identity: Sendable, Hashable {
        /// A logged-in user (LOGIN-1); `session` is the SHA-256 of their token.
        case user(UserID, session: [UInt8])
        /// An API key with its id, name and scopes.
        case apiKey(id: String, name: String, scopes: Set<APIScope>)
    }

    /// The caller's company.
    public let tenant: TenantID
    /// How the caller authenticated.
    public let identity: Identity

    /// Creates a caller.
    public init(tenant: TenantID, identity: Identity) {
        self.tenant = tenant
        self.identity = identity
    }

    /// The user, for session callers.
    public var user: UserID? {
        if case .user(let user, _) = identity { return user }
        return nil
    }

    /// The key's scopes (empty for users).
    public var scopes: Set<APIScope> {
        if case .apiKey(_, _, let scopes) = identity { return scopes }
        return []
    }

    /// A stable name for records (idempotency, logs): `user:ID` or `key:ID`.
    public var principalName: String {
        switch identity {
        case .user(let user, _): "user:\(user)"
        case .apiKey(let id, _, _): "key:\(id)"
        }
    }
}
