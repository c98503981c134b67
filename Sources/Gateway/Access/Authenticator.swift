import Foundation
import HTTPServer
import PluginKit
import Storage
import Switchboard
import Synchronization

/// Turns a request's `Authorization: Bearer TOKEN` into a ``Caller``: session tokens are
/// looked up in the session table, API keys among the configured keys and then the key
/// table, always by SHA-256. Valid lookups are cached in memory for a short while, so a
/// busy client costs no database read per request; logging out or revoking a key in this
/// process takes effect at once, a revocation by another process within ``cacheSeconds``.
final class Authenticator: Sendable {
    /// How long a cached lookup is trusted before the database is asked again.
    static let cacheSeconds: Int64 = 30

    private struct Cached {
        let caller: Caller
        let expiresAt: Int64
        let checkedAt: Int64
    }

    private let tables: AccessTables
    private let configuredKeys: [[UInt8]: Caller]
    private let cache = Mutex<[[UInt8]: Cached]>([:])
    private let now: @Sendable () -> Int64

    /// Uses `tables`, and the keys configured in `[[tenants.api_keys]]` of `tenants`.
    init(tables: AccessTables, tenants: [TenantConfiguration], now: @escaping @Sendable () -> Int64 = { Timestamp.now.millisecondsSinceEpoch }) throws {
        self.tables = tables
        self.now = now
        var keys: [[UInt8]: Caller] = [:]
        for tenant in tenants {
            for key in tenant.apiKeys {
                let hash = try AccessToken.hash(key.key.reveal())
                if let other = keys[hash] {
                    throw DuplicateAPIKeyError(first: "\(other.tenant)/\(other.principalName)", second: "\(tenant.id)/key:config:\(key.name)")
                }
                keys[hash] = Caller(
                    tenant: TenantID(tenant.id),
                    identity: .apiKey(id: "config:\(key.name)", name: key.name, scopes: Set(key.scopes)))
            }
        }
        configuredKeys = keys
    }

    /// The caller of `request`.
    ///
    /// - Throws: `unauthenticated` (401) when the header is missing, malformed, or names no
    ///   valid session or key.
    func caller(of request: HTTPRequest) async throws(HTTPError) -> Caller {
        let (token, hash) = try Self.token(of: request)
        let now = now()
        if let caller = known(hash, now: now) { return caller }
        let found: Cached?
        do {
            found = try await lookUp(token: token, hash: hash, now: now)
        } catch {
            throw APIProblem.storageUnavailable("The token could not be checked; try again.")
        }
        guard let found else {
            cache.withLock { _ = $0.removeValue(forKey: hash) }
            throw APIProblem.unauthenticated("The token is unknown, expired or revoked.")
        }
        cache.withLock { cache in
            if cache.count > 100_000 { cache.removeAll() }
            cache[hash] = found
        }
        return found.caller
    }

    /// The caller of `request` if its token is a configured key or a valid cached lookup;
    /// nil when answering needs the database or the token is refused (``caller(of:)`` then
    /// says why).
    func knownCaller(of request: HTTPRequest) -> Caller? {
        guard let (_, hash) = try? Self.token(of: request) else { return nil }
        return known(hash, now: now())
    }

    /// 401 for a request with a body whose head carries no usable bearer token, so the body
    /// is never read (``HTTPResponder/refusalBeforeBody(to:)``); nil when it carries one (whether
    /// the token is valid is checked once the body is read, as for any request).
    @Sendable func refusalBeforeBody(_ request: HTTPRequest) -> HTTPResponse? {
        do {
            _ = try Self.token(of: request)
            return nil
        } catch {
            return .problem(for: error, instance: request.path)
        }
    }

    /// The bearer token of `request` and its hash.
    private static func token(of request: HTTPRequest) throws(HTTPError) -> (token: String, hash: [UInt8]) {
        guard let header = request.headers["Authorization"] else {
            throw APIProblem.unauthenticated("Send a session token or API key as Authorization: Bearer TOKEN.")
        }
        // Byte-wise: splitting by Characters and Foundation's character sets cost more than
        // the SHA-256 on a kept answer's path.
        let bytes = header.utf8
        let start = bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.endIndex
        guard let space = bytes[start...].firstIndex(of: UInt8(ascii: " ")) else {
            throw APIProblem.unauthenticated("The Authorization header must be Bearer TOKEN.")
        }
        let scheme = header[start..<space]
        let rest = header[bytes.index(after: space)...]
        guard scheme.lowercased() == "bearer", !rest.isEmpty, rest.utf8.count <= 512 || rest.count <= 512 else {
            throw APIProblem.unauthenticated("The Authorization header must be Bearer TOKEN.")
        }
        let plain = rest.utf8.first.map(isPlainEdge) == true && rest.utf8.last.map(isPlainEdge) == true
        let token = plain ? String(rest) : String(rest).trimmingCharacters(in: .whitespaces)
        guard let hash = try? AccessToken.hash(token) else { throw APIProblem.unauthenticated("The token cannot be checked.") }
        return (token, hash)
    }

    /// Whether a token that starts or ends with `byte` has nothing to trim there: a printable
    /// ASCII character other than a space (anything else is left to Foundation's trimming).
    private static func isPlainEdge(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// The configured key or the still valid cached lookup with token hash `hash`.
    private func known(_ hash: [UInt8], now: Int64) -> Caller? {
        if let caller = configuredKeys[hash] { return caller }
        guard let cached = cache.withLock({ $0[hash] }), cached.expiresAt > now, now - cached.checkedAt < Self.cacheSeconds * 1000 else {
            return nil
        }
        return cached.caller
    }

    /// LOGIN-2: revokes the session whose token hashes to `hash`, refused from now on; false
    /// if it was already revoked.
    func revokeSession(_ hash: [UInt8]) async throws(HTTPError) -> Bool {
        let revoked = try await storage { try await self.tables.sessions.revoke(tokenHash: hash, at: self.now()) }
        cache.withLock { _ = $0.removeValue(forKey: hash) }
        return revoked
    }

    /// Revokes every session of `user` of `tenant` (the user was removed, or an id is taken
    /// anew and must not inherit an old user's sessions).
    func revokeSessions(of user: UserID, tenant: TenantID) async throws(HTTPError) {
        _ = try await storage { try await self.tables.sessions.revokeAll(tenant: tenant.rawValue, user: user.rawValue, at: self.now()) }
        evict { $0.tenant == tenant && $0.user == user }
    }

    /// Revokes run-time API key `id` of `tenant`; false if there is no such unrevoked key.
    func revokeKey(id: String, tenant: TenantID) async throws(HTTPError) -> Bool {
        let revoked = try await storage { try await self.tables.apiKeys.revoke(id: id, tenant: tenant.rawValue, at: self.now()) }
        evict { caller in
            guard caller.tenant == tenant, case .apiKey(let keyID, _, _) = caller.identity else { return false }
            return keyID == id
        }
        return revoked
    }

    private func evict(_ matches: (Caller) -> Bool) {
        cache.withLock { cache in cache = cache.filter { !matches($0.value.caller) } }
    }

    private func storage<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws(HTTPError) -> Result {
        do {
            return try await body()
        } catch {
            throw APIProblem.storageUnavailable()
        }
    }

    private func lookUp(token: String, hash: [UInt8], now: Int64) async throws -> Cached? {
        if token.hasPrefix(AccessToken.sessionPrefix) {
            guard let row = try await tables.sessions.row(tokenHash: hash), row.revokedAt == nil, row.expiresAt > now else { return nil }
            return Cached(
                caller: Caller(tenant: TenantID(row.tenant), identity: .user(UserID(row.user), session: hash)), expiresAt: row.expiresAt,
                checkedAt: now)
        }
        guard let row = try await tables.apiKeys.row(keyHash: hash), row.revokedAt == nil else { return nil }
        let scopes = Set(row.scopes.compactMap(APIScope.init(rawValue:)))
        return Cached(
            caller: Caller(tenant: TenantID(row.tenant), identity: .apiKey(id: row.id, name: row.name, scopes: scopes)),
            expiresAt: .max, checkedAt: now)
    }
}

/// Two configured API keys have the same secret: the key would act for one of them at
/// random. Names the keys, never the secret.
struct DuplicateAPIKeyError: Error, CustomStringConvertible {
    let first: String
    let second: String

    var description: String { "API keys \(first) and \(second) have the same secret; give each its own" }
}
