public import Foundation

/// A request to a plugin's route after the gateway's checks: the HTTP parts and, for every
/// route but an anonymous one, the caller's ``CompanyScope`` — the only company the handler
/// can reach.
public struct PluginRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The path as requested.
    public var path: String
    /// The query's parameters, percent-decoded, in order.
    public var queryItems: [URLQueryItem]
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body.
    public var body: Data
    /// The route's `:name` parameters.
    public var parameters: [String: String]
    /// The client's address (the proxy's client when the gateway trusts the proxy).
    public var remoteAddress: String?
    /// The caller's company and what the handler may use of it; nil on an anonymous route.
    public var scope: CompanyScope?

    /// Creates a request.
    public init(
        method: HTTPMethod, path: String, queryItems: [URLQueryItem] = [], headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(),
        parameters: [String: String] = [:], remoteAddress: String? = nil, scope: CompanyScope? = nil
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.parameters = parameters
        self.remoteAddress = remoteAddress
        self.scope = scope
    }

    /// The caller's company scope.
    ///
    /// - Throws: 403 on an anonymous route, which has none.
    public var company: CompanyScope {
        get throws(PluginProblem) {
            guard let scope else { throw PluginProblem.forbidden("This route takes no token, so it acts for no company.") }
            return scope
        }
    }

    /// The body as a JSON object, read field by field.
    public func json(allowEmpty: Bool = false) throws(PluginProblem) -> JSONBody {
        try JSONBody(body, contentType: headers["Content-Type"], allowEmpty: allowEmpty)
    }

    /// The first value of query parameter `name`, percent-decoded.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
