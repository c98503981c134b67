import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// Registers the API's routes on a ``Router`` behind a ``MiddlewareChain``: ``Authentication``
/// (the bearer token names a caller), ``CompanyResolution`` (the caller's company's engine),
/// ``AccessCheck`` (the route's rule), for routes that act ``Idempotency``, and for routes
/// added with ``cachedGet(_:_:handler:)`` ``KeptAnswers`` (reused while the company's engine
/// is unchanged). Plugins' routes get the same chain (``plugin(_:database:events:logger:)``).
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
    /// and call log), the path, the query and the user: a successful answer is kept
    /// (``KeptAnswers``) and reused while the engine's version is unchanged. An API key that
    /// is known without the database and may use the route gets a kept answer immediately,
    /// on the server's thread (``HTTPResponder/immediateResponse(to:)``), before the chain.
    mutating func cachedGet(_ path: String, _ access: APIAccess, handler: @escaping Handler) {
        let cache = self.cache
        let authenticator = self.authenticator
        let engines = self.engines
        add(.get, path, access, acts: false, kept: true, handler: handler) { http in
            guard let caller = authenticator.knownCaller(of: http), caller.user == nil, let runtime = engines(caller.tenant),
                (try? AccessCheck.check(access, role: nil, scopes: caller.scopes)) != nil
            else { return nil }
            return cache.response(for: KeptAnswers.key(http, caller: caller), at: runtime.version)
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

    /// The chain of a route of `access`: authentication, the company, the access check, then
    /// ``KeptAnswers`` when `kept`, ``Idempotency`` when it `acts`.
    func chain(_ access: APIAccess, acts: Bool, kept: Bool = false, keptAs: @escaping @Sendable (HTTPResponse) -> HTTPResponse = { $0 })
        -> MiddlewareChain
    {
        var steps: [any APIMiddleware] = [Authentication(authenticator: authenticator), CompanyResolution(engines: engines), AccessCheck(access: access)]
        if kept { steps.append(KeptAnswers(cache: cache)) }
        if acts { steps.append(Idempotency(guardian: idempotency, keptAs: keptAs)) }
        return MiddlewareChain(steps)
    }

    private mutating func add(
        _ method: HTTPMethod, _ path: String, _ access: APIAccess, acts: Bool, kept: Bool = false,
        keptAs: @escaping @Sendable (HTTPResponse) -> HTTPResponse = { $0 }, handler: @escaping Handler,
        immediate: Router.ImmediateHandler? = nil
    ) {
        let chain = self.chain(access, acts: acts, kept: kept, keptAs: keptAs)
        router.on(method, "/api/v1" + path, immediate: immediate, beforeBody: authenticator.refusalBeforeBody) { http in
            try await chain.run(http) { http, context in try await handler(try context.request(http)) }
        }
    }
}
