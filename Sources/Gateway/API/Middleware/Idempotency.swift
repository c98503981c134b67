import HTTPServer

/// `Idempotency-Key` for a route that acts (``IdempotencyGuard``): a retry gets the kept
/// answer and does not act again; `keptAs` turns an answer into what is kept.
struct Idempotency: APIMiddleware {
    let guardian: IdempotencyGuard
    let keptAs: @Sendable (HTTPResponse) -> HTTPResponse

    func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse {
        guard let caller = context.caller else { throw APIProblem.unauthenticated("The request was not authenticated.") }
        return try await guardian.run(request, caller: caller, keeping: keptAs) { try await next(request, context) }
    }
}
