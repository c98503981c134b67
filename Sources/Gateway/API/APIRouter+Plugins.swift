import Foundation
import HTTPServer
import PluginKit
import Switchboard

extension APIRouter {
    /// Adds a plugin's route behind the same chain as the gateway's own: authentication, the
    /// caller's company, the access check and, for a route that acts, the `Idempotency-Key`
    /// guard. The handler gets a ``CompanyScope`` of the caller's company alone: its
    /// directory, `database` through ``CompanyScopedDatabase``, `events` through
    /// ``CompanyEventSink``. An anonymous route gets no scope. An error of the handler that
    /// is not a ``PluginProblem`` is logged on `logger` and answered 500.
    mutating func plugin(_ route: PluginRoute, database: (any PluginDatabase)?, events: any PluginEventSink, logger: Logger) {
        let path = route.path
        let routeHandler = route.handler
        let handler: PluginRoute.Handler = { request in
            do {
                return try await routeHandler(request)
            } catch let problem as PluginProblem {
                throw problem
            } catch {
                logger.error("a plugin's route failed", ["route": "\(request.method) \(path)", "error": String(describing: error)])
                throw APIProblem.error(.internalServerError, "internal", "Internal error")
            }
        }
        let access: APIAccess
        switch route.access {
        case .anonymous:
            anonymous(route.method, route.path) { http in
                HTTPResponse(try await handler(PluginRequest(http, scope: nil)))
            }
            return
        case .read: access = .read
        case .user: access = .user
        case .admin: access = .admin
        }
        let scoped: Handler = { request in
            let company = request.tenant.rawValue
            let scope = CompanyScope(
                company: company,
                caller: PluginCaller(user: request.caller.user?.rawValue, role: request.role?.rawValue, principal: request.caller.principalName),
                directory: EngineCompanyDirectory(runtime: request.runtime),
                database: database.map { CompanyScopedDatabase($0, company: company) },
                events: CompanyEventSink(events, company: company))
            return HTTPResponse(try await handler(PluginRequest(request.http, scope: scope)))
        }
        switch route.method {
        case .get, .head: get(route.path, access, handler: scoped)
        case .put: put(route.path, access, handler: scoped)
        case .patch: patch(route.path, access, handler: scoped)
        case .delete: delete(route.path, access, handler: scoped)
        default: post(route.path, access, handler: scoped)
        }
    }
}

extension PluginRequest {
    /// The plugin's view of `http`, with `scope`.
    init(_ http: HTTPRequest, scope: CompanyScope?) {
        self.init(
            method: http.method, path: http.path, queryItems: http.queryItems, headers: http.headers, body: http.body,
            parameters: http.parameters, remoteAddress: http.remoteAddress, scope: scope)
    }
}

extension HTTPResponse {
    /// A plugin's response as the server sends it.
    init(_ response: PluginResponse) {
        switch response.body {
        case .bytes(let data):
            self.init(status: HTTPStatus(code: response.statusCode), headers: response.headers, body: data)
        case .stream(let stream):
            self.init(status: HTTPStatus(code: response.statusCode), headers: response.headers, producer: PluginBodyProducer(stream: stream))
        }
    }
}

/// A plugin's streamed body as the server pulls it.
private struct PluginBodyProducer: HTTPBodyProducer {
    let stream: any PluginResponseStream

    func next() async throws -> Data? { try await stream.next() }
}
