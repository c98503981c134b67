public import PluginKit
/// Dispatches requests by method and path pattern.
///
/// Patterns are paths whose segments are literals or `:name` parameters
/// (`/api/v1/users/:id`); empty segments are ignored, so `/users/` matches `/users`. Where
/// several patterns match, the one with a literal at the first differing segment wins, then the
/// one added first. A `HEAD` request is served by the `GET` route when there is no `HEAD` route.
/// A path no pattern matches is answered 404; a path that matches only under other methods is
/// answered 405 with an `Allow` header; both as `application/problem+json`.
public struct Router: HTTPResponder {
    /// A route handler; its errors become responses as ``HTTPResponse/problem(for:instance:)``
    /// describes.
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// A route's answer at hand without waiting, or nil (see
    /// ``HTTPResponder/immediateResponse(to:)``).
    public typealias ImmediateHandler = @Sendable (HTTPRequest) -> HTTPResponse?

    /// A route's refusal of a request from its head, before its body is read, or nil (see
    /// ``HTTPResponder/refusalBeforeBody(to:)``).
    public typealias HeadCheck = @Sendable (HTTPRequest) -> HTTPResponse?

    /// A class, so that looking routes over per request costs a reference count, not a copy
    /// of the pattern and both handlers.
    private final class Route: Sendable {
        let method: HTTPMethod
        let pattern: RoutePattern
        let handler: Handler
        let immediate: ImmediateHandler?
        let beforeBody: HeadCheck?

        init(method: HTTPMethod, pattern: RoutePattern, handler: @escaping Handler, immediate: ImmediateHandler?, beforeBody: HeadCheck?) {
            self.method = method
            self.pattern = pattern
            self.handler = handler
            self.immediate = immediate
            self.beforeBody = beforeBody
        }
    }

    private var routes = RouteTree<Route>()

    /// Creates a router without routes.
    public init() {}

    /// Adds a route for `method` and `pattern`; `immediate`, if given, may answer a request
    /// without waiting, else `handler` answers it; `beforeBody`, if given, may refuse a request
    /// with a body from its head.
    public mutating func on(
        _ method: HTTPMethod, _ pattern: String, immediate: ImmediateHandler? = nil, beforeBody: HeadCheck? = nil,
        handler: @escaping Handler
    ) {
        let pattern = RoutePattern(pattern)
        routes.insert(Route(method: method, pattern: pattern, handler: handler, immediate: immediate, beforeBody: beforeBody), at: pattern)
    }

    /// Adds a `GET` route.
    public mutating func get(_ pattern: String, handler: @escaping Handler) {
        on(.get, pattern, handler: handler)
    }

    /// Adds a `POST` route.
    public mutating func post(_ pattern: String, handler: @escaping Handler) {
        on(.post, pattern, handler: handler)
    }

    /// Adds a `PUT` route.
    public mutating func put(_ pattern: String, handler: @escaping Handler) {
        on(.put, pattern, handler: handler)
    }

    /// Adds a `PATCH` route.
    public mutating func patch(_ pattern: String, handler: @escaping Handler) {
        on(.patch, pattern, handler: handler)
    }

    /// Adds a `DELETE` route.
    public mutating func delete(_ pattern: String, handler: @escaping Handler) {
        on(.delete, pattern, handler: handler)
    }

    /// Runs the best matching route's handler with ``HTTPRequest/parameters`` filled in, or
    /// throws an ``HTTPError`` (404 or 405) if there is none.
    public func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        let (route, request) = try self.route(for: request)
        return try await route.handler(request)
    }

    /// The best matching route's immediate answer, if it has an immediate handler and that
    /// gives one.
    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        guard let (route, request) = try? self.route(for: request), let immediate = route.immediate else { return nil }
        return immediate(request)
    }

    /// 404 or 405 when no route takes the request, else the route's own check of the head.
    public func refusalBeforeBody(to request: HTTPRequest) -> HTTPResponse? {
        do {
            let (route, request) = try self.route(for: request)
            return route.beforeBody?(request)
        } catch {
            return .problem(for: error, instance: request.path)
        }
    }

    /// The best matching route and the request with its parameters.
    private func route(for request: HTTPRequest) throws(HTTPError) -> (Route, HTTPRequest) {
        let segments = request.pathSegments
        let best =
            routes.first(matching: segments) { $0.method == request.method }
            ?? (request.method == .head ? routes.first(matching: segments) { $0.method == .get } : nil)
        guard let route = best else {
            let matches = routes.all(matching: segments)
            guard !matches.isEmpty else {
                throw HTTPError(.notFound, type: ProblemDetails.typePrefix + "not-found", detail: "No resource at this path.")
            }
            var allowed = Set(matches.map(\.method.rawValue))
            if allowed.contains(HTTPMethod.get.rawValue) {
                allowed.insert(HTTPMethod.head.rawValue)
            }
            let allow = allowed.sorted().joined(separator: ", ")
            throw HTTPError(
                .methodNotAllowed, type: ProblemDetails.typePrefix + "method-not-allowed",
                detail: "\(request.method) is not allowed here; allowed: \(allow).",
                headers: ["Allow": allow])
        }
        var request = request
        request.parameters = route.pattern.parameters(in: segments)
        return (route, request)
    }
}
