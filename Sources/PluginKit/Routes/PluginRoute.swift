/// An API route a plugin kind adds under `/api/v1`. The gateway runs every request through
/// the same chain as its own routes before the handler: authentication, the caller's company,
/// the access check, and for routes that act (POST, PUT, PATCH, DELETE) the
/// `Idempotency-Key` guard. The handler gets a company-scoped ``PluginRequest``.
public struct PluginRoute: Sendable {
    /// A route's handler.
    public typealias Handler = @Sendable (PluginRequest) async throws -> PluginResponse

    /// The method.
    public var method: HTTPMethod
    /// The path below `/api/v1`, with `:name` parameters: `/sms/status/twilio/:instance`.
    public var path: String
    /// Who may call it.
    public var access: PluginRouteAccess
    /// What answers.
    public var handler: Handler

    /// A route `method path` for callers `access` admits.
    public init(_ method: HTTPMethod, _ path: String, _ access: PluginRouteAccess, handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.handler = handler
    }
}

/// Who may call a plugin's route; the gateway checks it before the handler runs (401
/// without a valid token, 403 without the role or scope).
public enum PluginRouteAccess: Sendable, Hashable {
    /// Any logged-in user of the company, and API keys with the `read` or `admin` scope.
    case read
    /// Logged-in users only (an action taken as a person).
    case user
    /// The company's admins and API keys with the `admin` scope.
    case admin
    /// No token: the handler authenticates the request itself (a provider's signed
    /// callback); ``PluginRequest/scope`` is nil.
    case anonymous
}
