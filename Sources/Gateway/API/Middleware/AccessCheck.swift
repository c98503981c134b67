import HTTPServer
import Switchboard

/// The route's ``APIAccess`` rule: a user's role from the company's current directory, an
/// API key's scopes; 403 when they do not allow the route.
struct AccessCheck: APIMiddleware {
    let access: APIAccess

    func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse {
        guard let caller = context.caller, let runtime = context.runtime else {
            throw APIProblem.unauthenticated("The request was not authenticated.")
        }
        let role: UserRole?
        if let user = caller.user {
            role = await runtime.read { $0.role(of: user) }
            guard role != nil else { throw APIProblem.unauthenticated("The session's user no longer exists.") }
        } else {
            role = nil
        }
        try Self.check(access, role: role, scopes: caller.scopes)
        var context = context
        context.role = role
        return try await next(request, context)
    }

    /// Whether a caller with `role` (users) or `scopes` (API keys) may use a route of `access`.
    static func check(_ access: APIAccess, role: UserRole?, scopes: Set<APIScope>) throws(HTTPError) {
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
}
