import HTTPServer
import Switchboard

/// The caller's company becomes the request's engine: the only company a handler can reach.
struct CompanyResolution: APIMiddleware {
    /// The engine of a company this gateway serves.
    let engines: @Sendable (TenantID) -> TenantRuntime?

    func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse {
        guard let caller = context.caller else { throw APIProblem.unauthenticated("The request was not authenticated.") }
        guard let runtime = engines(caller.tenant) else { throw APIProblem.unauthenticated("The token's company is not served by this gateway.") }
        var context = context
        context.runtime = runtime
        return try await next(request, context)
    }
}
