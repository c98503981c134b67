import HTTPServer

/// The bearer token becomes the ``Caller`` (``Authenticator``); without a valid one, 401.
struct Authentication: APIMiddleware {
    let authenticator: Authenticator

    func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse {
        var context = context
        context.caller = try await authenticator.caller(of: request)
        return try await next(request, context)
    }
}
