import HTTPServer
import Switchboard

/// One step of the API's request chain (hummingbird 2's `MiddlewareProtocol` is the model):
/// it looks at the request and what earlier steps established (``APIContext``), and either
/// answers itself (a refusal, a kept answer) or calls `next` and may change its answer.
/// Steps are values, composed per route by ``MiddlewareChain``, so a plugin's routes get the
/// same chain as the gateway's and a test can run a request through a chain in memory.
protocol APIMiddleware: Sendable {
    /// What the rest of the chain does.
    typealias Next = @Sendable (HTTPRequest, APIContext) async throws -> HTTPResponse

    /// Handles `request`, calling `next` to go on.
    func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse
}

/// What the steps of the chain have established about a request so far.
struct APIContext: Sendable {
    /// Who is calling, once ``Authentication`` has run.
    var caller: Caller?
    /// The caller's company's engine, once ``CompanyResolution`` has run.
    var runtime: TenantRuntime?
    /// The logged-in user's role, once ``AccessCheck`` has read it; nil for an API key.
    var role: UserRole?

    /// The request as a route handler sees it.
    ///
    /// - Throws: 401 when the chain did not authenticate the caller or resolve the company
    ///   (a route registered without those steps).
    func request(_ http: HTTPRequest) throws(HTTPError) -> APIRequest {
        guard let caller, let runtime else { throw APIProblem.unauthenticated("The request was not authenticated.") }
        return APIRequest(http: http, caller: caller, runtime: runtime, role: role)
    }
}

/// Steps run in order around a handler: the first step sees the request first and the
/// answer last.
struct MiddlewareChain: Sendable {
    /// The steps, outermost first.
    let steps: [any APIMiddleware]

    /// A chain of `steps`, outermost first.
    init(_ steps: [any APIMiddleware]) { self.steps = steps }

    /// Runs `request` through every step and then `handler`.
    func run(_ request: HTTPRequest, context: APIContext = APIContext(), handler: @escaping APIMiddleware.Next) async throws -> HTTPResponse {
        let next = steps.reversed().reduce(handler) { next, step in
            { request, context in try await step.handle(request, context: context, next: next) }
        }
        return try await next(request, context)
    }
}
