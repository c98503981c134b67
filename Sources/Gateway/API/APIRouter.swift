import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// Registers the API's routes on a ``Router`` with their access rule: each handler runs
/// only after the bearer token names a caller who may use the route, with the caller's
/// company's engine, and (for routes that act) under the `Idempotency-Key` guard. Answers of
/// routes added with ``cachedGet(_:_:handler:)`` are reused while the company's engine is
/// unchanged.
struct APIRouter {
    /// A route handler.
    typealias Handler = @Sendable (APIRequest) async throws -> HTTPResponse

    let authenticator: Authenticator
    let engines: @Sendable (TenantID) -> TenantRuntime?
    let idempotency: IdempotencyGuard
    let cache = ResponseCache()
    private(set) var router: Router

    init(router: Router, authenticator: Authenticator, engines: @escaping @Sendable (TenantID) -> TenantRuntime?, idempotency: IdempotencyGuard) {
        self.router = router
        self.authenticator = authenticator
        self.engines = engines
        self.idempotency = idempotency
    }

    /// Adds `GET path` (under /api/v1) for callers allowed by `access`.
    mutating func get(_ path: String, _ access: APIAccess, handler: @escaping Handler) {
        add(.get, path, access, acts: false, handler: handler)
    }

    /// Adds `GET path` whose answers depend only on the caller's company's engine (its state
    /// and call log), the path, the query and the user: a successful answer is kept in the
    /// ``ResponseCache`` and reused while the engine's version is unchanged. An API key that
    /// is known without the database and may use the route gets a kept answer immediately,
    /// on the server's thread (``HTTPResponder/immediateResponse(to:)``).
    mutating func cachedGet(_ path: String, _ access: APIAccess, handler: @escaping Handler) {
        let cache = self.cache
        let authenticator = self.authenticator
        let engines = self.engines
        add(.get, path, access, acts: false) { request in
            let key = Self.cacheKey(request.http, caller: request.caller)
            let version = request.runtime.version
            if let kept = cache.response(for: key, at: version) { return kept }
            let response = try await handler(request)
            if response.status == .ok, case .data = response.body { cache.store(response, for: key, at: version) }
            return response
        } immediate: { http in
            guard let caller = authenticator.knownCaller(of: http), caller.user == nil, let runtime = engines(caller.tenant),
                (try? Self.check(access, role: nil, scopes: caller.scopes)) != nil
            else { return nil }
            return cache.response(for: Self.cacheKey(http, caller: caller), at: runtime.version)
        }
    }

    /// Adds `POST path` that acts (honours `Idempotency-Key`); `keptAs` turns a response into
    /// what is kept for a retry (a response with a secret in it keeps it without the secret).
    mutating func post(
        _ path: String, _ access: APIAccess, keptAs: @escaping @Sendable (HTTPResponse) -> HTTPResponse = { $0 },
        handler: @escaping Handler
    ) {
        add(.post, path, access, acts: true, keptAs: keptAs, handler: handler)
    }

    /// Adds `PUT path`.
    mutating func put(_ path: String, _ access: APIAccess, handler: @escaping Handler) {
        add(.put, path, access, acts: true, handler: handler)
    }

    /// Adds `PATCH path`.
    mutating func patch(_ path: String, _ access: APIAccess, handler: @escaping Handler) {
        add(.patch, path, access, acts: true, handler: handler)
    }

    /// Adds `DELETE path`.
    mutating func delete(_ path: String, _ access: APIAccess, handler: @escaping Handler) {
        add(.delete, path, access, acts: true, handler: handler)
    }

    /// Adds a route that needs no token; the handler gets the bare HTTP request.
    mutating func anonymous(_ method: HTTPMethod, _ path: String, handler: @escaping Router.Handler) {
        router.on(method, "/api/v1" + path, handler: handler)
    }

    private mutating func add(
        _ method: HTTPMethod, _ path: String, _ access: APIAccess, acts: Bool,
        keptAs: @escaping @Sendable (HTTPResponse) -> HTTPResponse = { $0 }, handler: @escaping Handler,
        immediate: Router.ImmediateHandler? = nil
    ) {
        let authenticator = self.authenticator
        let engines = self.engines
        let idempotency = self.idempotency
        router.on(method, "/api/v1" + path, immediate: immediate, beforeBody: authenticator.refusalBeforeBody) { http in
            let caller = try await authenticator.caller(of: http)
            guard let runtime = engines(caller.tenant) else {
                throw APIProblem.unauthenticated("The token's company is not served by this gateway.")
            }
            try await Self.check(access, caller: caller, runtime: runtime)
            let request = APIRequest(http: http, caller: caller, runtime: runtime)
            guard acts else { return try await handler(request) }
            return try await idempotency.run(http, caller: caller, keeping: keptAs) { try await handler(request) }
        }
    }

    private static func check(_ access: APIAccess, caller: Caller, runtime: TenantRuntime) async throws(HTTPError) {
        let role: UserRole?
        if let user = caller.user {
            role = await runtime.read { $0.role(of: user) }
            guard role != nil else { throw APIProblem.unauthenticated("The session's user no longer exists.") }
        } else {
            role = nil
        }
        try check(access, role: role, scopes: caller.scopes)
    }

    /// Whether a caller with `role` (users) or `scopes` (API keys) may use a route of `access`.
    private static func check(_ access: APIAccess, role: UserRole?, scopes: Set<APIScope>) throws(HTTPError) {
        switch access {
        case .read:
            guard role != nil || scopes.contains(.read) || scopes.contains(.admin) else {
                throw APIProblem.forbidden("This API key lacks the read scope.")
            }
        case .stream:
            guard role != nil || !scopes.isEmpty else { throw APIProblem.forbidden("This API key has no scope.") }
        case .user:
            guard role != nil else { throw APIProblem.forbidden("This action is taken by a logged-in user; an API key cannot take it.") }
        case .admin:
            guard role == .admin || scopes.contains(.admin) else {
                throw APIProblem.forbidden(role != nil ? "Only admins may do this." : "This API key lacks the admin scope.")
            }
        case .telephony:
            guard scopes.contains(.telephony) else { throw APIProblem.forbidden("Only an API key with the telephony scope may report calls.") }
        }
    }

    private static func cacheKey(_ http: HTTPRequest, caller: Caller) -> ResponseCache.Key {
        ResponseCache.Key(tenant: caller.tenant, path: http.path, query: http.query, user: caller.user)
    }
}
