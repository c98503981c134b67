import Foundation
@testable import Gateway
import HTTPServer
import PluginKit
import Storage
import Switchboard
import Synchronization
import Testing

private let configurationText = """
    [[tenants]]
    id = "acme"
    name = "Acme AS"
    [[tenants.users]]
    id = "kari"
    name = "Kari"
    mobile = "400 00 001"
    role = "admin"
    [[tenants.queues]]
    id = "support"
    name = "Support"
    main_number = "21 00 00 00"
    members = [{ user = "kari" }]
    [[tenants.api_keys]]
    name = "reader"
    scopes = ["read"]
    key = "env:READ"
    [[tenants.api_keys]]
    name = "admin"
    scopes = ["admin"]
    key = "env:ADMIN"
    """
private let keys = ["READ": "acme-read-key-0123456789abcdef0123456789", "ADMIN": "acme-admin-key-0123456789abcdef012345678"]

/// A list shared by the steps and handlers of one test.
private final class Recorder: Sendable {
    private let entries = Mutex<[String]>([])
    func record(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
    func clear() { entries.withLock { $0 = [] } }
}

/// An ``APIRouter`` over a fresh database and one company's engine, answering in memory.
private struct InMemoryAPI {
    var api: APIRouter

    init() async throws {
        let environment = ConfigurationEnvironment(variable: { keys[$0] }, readFile: { _ in nil })
        let configuration = try GatewayConfiguration.parse(configurationText, file: "test.toml", environment: environment)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-chain-\(UUID().uuidString).sqlite").path
        let log = try EventLog.open(path: path)
        let database = try DatabaseQueue(path: path)
        let runtime = try await TenantRuntime.start(directory: try configuration.tenants[0].makeDirectory(), log: log, now: .now)
        api = APIRouter(
            router: Router(), authenticator: try Authenticator(tables: AccessTables(database: database), tenants: configuration.tenants),
            engines: { $0 == TenantID("acme") ? runtime : nil },
            idempotency: IdempotencyGuard(table: IdempotencyTable(database: database), logger: Logger(label: "test", sink: InMemoryLogSink())))
    }

    /// The answer to `method target` with `key`, as the server would send it.
    func answer(_ method: HTTPMethod, _ target: String, key: String? = nil, headers: HTTPHeaders = [:]) async -> HTTPResponse {
        var headers = headers
        if let key { headers["Authorization"] = "Bearer \(key)" }
        do {
            return try await api.router.respond(to: HTTPRequest(method: method, target: target, headers: headers))
        } catch {
            return .problem(for: error, instance: target)
        }
    }
}

@Suite("API middleware: the chain runs in memory, without a socket")
struct MiddlewareChainTests {
    @Test func stepsRunOutermostFirstAndMayAnswerThemselves() async throws {
        struct Step: APIMiddleware {
            let name: String
            let order: Recorder
            let answers: Bool
            func handle(_ request: HTTPRequest, context: APIContext, next: Next) async throws -> HTTPResponse {
                order.record("in \(name)")
                if answers { return HTTPResponse(status: HTTPStatus(code: 418)) }
                let response = try await next(request, context)
                order.record("out \(name)")
                return response
            }
        }
        let order = Recorder()
        let through = MiddlewareChain([Step(name: "a", order: order, answers: false), Step(name: "b", order: order, answers: false)])
        _ = try await through.run(HTTPRequest(method: .get, target: "/")) { _, _ in
            order.record("handler")
            return HTTPResponse()
        }
        #expect(order.all == ["in a", "in b", "handler", "out b", "out a"])
        order.clear()
        let stopped = MiddlewareChain([Step(name: "a", order: order, answers: false), Step(name: "b", order: order, answers: true)])
        let answer = try await stopped.run(HTTPRequest(method: .get, target: "/")) { _, _ in
            order.record("handler")
            return HTTPResponse()
        }
        #expect(answer.status == HTTPStatus(code: 418) && order.all == ["in a", "in b", "out a"])
    }

    @Test func aRouteGetsAuthenticationItsCompanyTheAccessCheckAndIdempotency() async throws {
        var memory = try await InMemoryAPI()
        let runs = Recorder()
        memory.api.get("/whoami", .admin) { request in try .json(["tenant": request.tenant.rawValue, "caller": request.caller.principalName]) }
        memory.api.post("/act", .admin) { _ in
            runs.record("act")
            return try .json(["run": runs.all.count], status: .created)
        }
        #expect(await memory.answer(.get, "/api/v1/whoami").status == .unauthorized)
        #expect(await memory.answer(.get, "/api/v1/whoami", key: "not-a-key-0123456789abcdef0123456789").status == .unauthorized)
        #expect(await memory.answer(.get, "/api/v1/whoami", key: keys["READ"]).status == .forbidden)
        let admin = await memory.answer(.get, "/api/v1/whoami", key: keys["ADMIN"])
        #expect(admin.status == .ok)
        guard case .data(let body) = admin.body else { Issue.record("a whole body"); return }
        #expect(String(decoding: body, as: UTF8.self).contains(#""tenant":"acme""#))

        let first = await memory.answer(.post, "/api/v1/act", key: keys["ADMIN"], headers: ["Idempotency-Key": "k-1"])
        let retry = await memory.answer(.post, "/api/v1/act", key: keys["ADMIN"], headers: ["Idempotency-Key": "k-1"])
        #expect(first.status == .created && retry.status == .created)
        #expect(retry.headers["Idempotent-Replayed"] == "true")
        #expect(runs.all.count == 1, "the retry did not run the handler again")
        #expect(await memory.answer(.post, "/api/v1/act", key: keys["READ"], headers: ["Idempotency-Key": "k-2"]).status == .forbidden)
        #expect(runs.all.count == 1, "a refused caller never reaches the handler")
    }

    /// A 429 or 5xx answer is not kept for `Idempotency-Key`: the retry runs the handler again
    /// (issue 18; no acting route of the gateway answers 429 today, so a route of this test does).
    @Test func refusedForNowAnswersAreNotKeptForARetry() async throws {
        var memory = try await InMemoryAPI()
        let runs = Recorder()
        memory.api.post("/busy", .admin) { _ in
            runs.record("busy")
            throw PluginProblem.rateLimited("Slow down.", retryAfterSeconds: 1)
        }
        memory.api.post("/broken", .admin) { _ in
            runs.record("broken")
            throw APIProblem.error(.serviceUnavailable, "storage-unavailable", "Storage is unavailable")
        }
        for path in ["/api/v1/busy", "/api/v1/broken"] {
            let first = await memory.answer(.post, path, key: keys["ADMIN"], headers: ["Idempotency-Key": "same"])
            let retry = await memory.answer(.post, path, key: keys["ADMIN"], headers: ["Idempotency-Key": "same"])
            #expect(first.status == retry.status && [429, 503].contains(first.status.code), "\(path)")
            #expect(retry.headers["Idempotent-Replayed"] == nil, "\(path): not a replay")
        }
        #expect(runs.all == ["busy", "busy", "broken", "broken"], "each retry ran again")
    }
}
