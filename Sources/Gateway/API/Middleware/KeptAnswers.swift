import HTTPServer

/// Answers of a read-only route kept while the company's engine is unchanged
/// (``ResponseCache``): a kept answer is returned without running the rest of the chain, and
/// a successful whole answer is kept.
struct KeptAnswers: APIMiddleware {
    let cache: ResponseCache

    func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse {
        guard let caller = context.caller, let runtime = context.runtime else { return try await next(request, context) }
        let key = Self.key(request, caller: caller)
        let version = runtime.version
        if let kept = cache.response(for: key, at: version) { return kept }
        let response = try await next(request, context)
        if response.status == .ok, case .data = response.body { cache.store(response, for: key, at: version) }
        return response
    }

    /// What a kept answer must match: the company, path, query and user.
    static func key(_ request: HTTPRequest, caller: Caller) -> ResponseCache.Key {
        ResponseCache.Key(tenant: caller.tenant, path: request.path, query: request.query, user: caller.user)
    }
}
