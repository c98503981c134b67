import Foundation
import Gateway
import HTTPClient
import PeerSupport
import PluginKit

/// A gateway serving two companies on loopback for API tests: "acme" and "birk", each with
/// an admin, a team leader and two users under the same ids in both, one user and one queue
/// of its own (acme: `ada`, `acme-desk`; birk: `bjorn`, `birk-desk`), and API keys from the
/// environment, as config.toml names them (acme: read, admin, telephony; birk: read, telephony). Logs go to memory, so a test can read the
/// development login codes.
final class APIHarness: Sendable {
    /// The API keys, by environment variable name.
    static let keys = [
        "ACME_READ": "acme-read-key-0123456789abcdef0123456789",
        "ACME_ADMIN": "acme-admin-key-0123456789abcdef012345678",
        "ACME_TELEPHONY": "acme-telephony-key-0123456789abcdef0123",
        "BIRK_READ": "birk-read-key-0123456789abcdef0123456789",
        "BIRK_TELEPHONY": "birk-telephony-key-0123456789abcdef0123",
    ]

    let service: GatewayService
    let port: Int
    let logs: InMemoryLogSink
    let folder: URL
    private let configuration: GatewayConfiguration
    private let factories: [any PluginFactory]
    private let http = HTTPSession()

    private init(
        service: GatewayService, port: Int, logs: InMemoryLogSink, folder: URL, configuration: GatewayConfiguration,
        factories: [any PluginFactory]
    ) {
        self.service = service
        self.port = port
        self.logs = logs
        self.folder = folder
        self.configuration = configuration
        self.factories = factories
    }

    /// Starts a gateway; `extra` is appended to the configuration (e.g. an `[auth]` section),
    /// `environment` adds variables its secrets may name, `factories` are the plugin kinds it
    /// knows.
    static func start(
        extra: String = "", environment: [String: String] = [:], server: String = "", factories: [any PluginFactory] = PluginRegistry.builtIn
    ) async throws -> APIHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = """
            [server]
            listen = "127.0.0.1:0"
            stream_heartbeat_seconds = 1
            \(server)
            [storage]
            data_directory = "\(folder.path)/data"
            \(extra)
            \(company("acme", "Acme AS", prefix: "4001", own: "ada", keys: ["ACME_READ": ["read"], "ACME_ADMIN": ["admin"], "ACME_TELEPHONY": ["telephony"]]))
            \(company("birk", "Birk AS", prefix: "4002", own: "bjorn", keys: ["BIRK_READ": ["read"], "BIRK_TELEPHONY": ["telephony"]]))
            """
        let variables = keys.merging(environment) { _, added in added }
        let environment = ConfigurationEnvironment(variable: { variables[$0] }, readFile: { _ in nil })
        let configuration = try GatewayConfiguration.parse(text, file: folder.path + "/config.toml", environment: environment, plugins: factories)
        let logs = InMemoryLogSink()
        let service = try await GatewayService(configuration: configuration, logger: Logger(label: "test", sink: logs), factories: factories)
        try await service.start()
        return APIHarness(
            service: service, port: service.port ?? 0, logs: logs, folder: folder, configuration: configuration, factories: factories)
    }

    /// A company: users `boss` (admin), `lead` (team leader), `ann` and `bob` (users) and its own
    /// user `own` with mobiles `+47{prefix}0001…5`; queues `front` (the first four), `back` (ann)
    /// and its own `{id}-desk` (`own`).
    private static func company(_ id: String, _ name: String, prefix: String, own: String, keys: [String: [String]]) -> String {
        var text = """
            [[tenants]]
            id = "\(id)"
            name = "\(name)"
            """
        for (index, (user, role)) in [("boss", "admin"), ("lead", "team_leader"), ("ann", "user"), ("bob", "user"), (own, "user")].enumerated() {
            text += """

                [[tenants.users]]
                id = "\(user)"
                name = "\(user.capitalized) \(name)"
                role = "\(role)"
                mobile = "+47\(prefix)000\(index + 1)"
                """
        }
        text += """

            [[tenants.queues]]
            id = "front"
            name = "Front"
            main_number = "+47\(prefix)1000"
            members = [{ user = "boss" }, { user = "lead" }, { user = "ann" }, { user = "bob" }]
            [[tenants.queues]]
            id = "back"
            name = "Back"
            main_number = "+47\(prefix)2000"
            members = [{ user = "ann" }]
            [[tenants.queues]]
            id = "\(id)-desk"
            name = "Desk"
            main_number = "+47\(prefix)3000"
            members = [{ user = "\(own)" }]
            """
        for (variable, scopes) in keys.sorted(by: { $0.key < $1.key }) {
            text += """

                [[tenants.api_keys]]
                name = "\(variable.lowercased())"
                scopes = [\(scopes.map { "\"\($0)\"" }.joined(separator: ", "))]
                key = "env:\(variable)"
                """
        }
        return text
    }

    /// Runs `body` with a started gateway and stops it afterwards, whatever `body` does.
    static func with(
        extra: String = "", environment: [String: String] = [:], server: String = "", factories: [any PluginFactory] = PluginRegistry.builtIn,
        _ body: (APIHarness) async throws -> Void
    ) async throws {
        let harness = try await start(extra: extra, environment: environment, server: server, factories: factories)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    /// Sends a request to the API; `json` is the body (sent as application/json).
    func request(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil, headers: HTTPHeaders = [:], body: [UInt8]? = nil
    ) async throws -> HTTPClientResponse {
        var headers = headers
        if let token { headers["Authorization"] = "Bearer \(token)" }
        if json != nil, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return try await http.send(HTTPClientRequest(
            method: method, url: "http://127.0.0.1:\(port)\(path)", headers: headers, body: json.map { Array($0.utf8) } ?? body,
            timeout: .seconds(20)))
    }

    /// Opens `GET /api/v1/events` with `token`, waits for its preamble (the stream is served),
    /// runs `action`, and returns the stream's status once the server has ended it.
    func streamStatus(token: String, whileServed action: () async throws -> Void) async throws -> Int {
        let port = self.port
        let streaming = DispatchSemaphore(value: 0)
        let reading = Task {
            try await offPool { () -> Int in
                let connection = try RawHTTPConnection(port: port, timeoutSeconds: 60)
                try connection.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n")
                let head = try connection.readResponse(bodyExpected: false)
                _ = try connection.nextChunk()
                streaming.signal()
                while try connection.nextChunk() != nil {}
                return head.status
            }
        }
        try await offPool { streaming.wait() }
        try await action()
        return try await reading.value
    }

    /// The newest development login code in the log.
    func lastCode() -> String? {
        logs.records.last { $0.message.hasPrefix("login code") }?.metadata["code"]
    }

    /// Waits for a development login code newer than the `known` codes logged so far (codes
    /// are sent in the background); gives up after 30 s, a limit only a hang reaches.
    func nextCode(after known: Int) async throws -> String {
        for _ in 0..<3000 {
            let codes = logs.records.filter { $0.message.hasPrefix("login code") }
            if codes.count > known, let code = codes.last?.metadata["code"] { return code }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw HarnessError("no login code was logged")
    }

    /// How many development login codes were logged so far.
    var codesLogged: Int { logs.records.count { $0.message.hasPrefix("login code") } }

    /// Logs in the user whose mobile is `phone` and returns the session token.
    func login(_ phone: String) async throws -> String {
        let known = codesLogged
        let challenge = try await request(.post, "/api/v1/auth/login", json: #"{"phone": "\#(phone)"}"#)
        guard challenge.status == 202, let id = object(challenge)["challengeId"] as? String, let code = try? await nextCode(after: known) else {
            throw HarnessError("login for \(phone) failed: \(challenge.status) \(challenge.text)")
        }
        let session = try await request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "\#(id)", "code": "\#(code)"}"#)
        guard session.status == 200, let token = object(session)["token"] as? String else {
            throw HarnessError("verify for \(phone) failed: \(session.status) \(session.text)")
        }
        return token
    }

    /// The response body as a JSON object (empty if it is not one).
    func object(_ response: HTTPClientResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    /// The problem type's name (`urn:sentralbord:problem:NAME` → `NAME`).
    func problemType(_ response: HTTPClientResponse) -> String {
        (object(response)["type"] as? String ?? "").replacingOccurrences(of: "urn:sentralbord:problem:", with: "")
    }

    /// A GET of `path` whose JSON object body is returned; throws on any other status than 200.
    func get(_ path: String, token: String) async throws -> [String: Any] {
        let response = try await request(.get, path, token: token)
        guard response.status == 200 else { throw HarnessError("GET \(path): \(response.status) \(response.text)") }
        return object(response)
    }

    /// The events `token` may see after the log position `after`, read with long polls of
    /// `GET /events/poll` until `done` holds for all read so far (the feed follows the log in
    /// the background, so one poll may come too early); gives up after 30 s, a limit only a
    /// hang reaches. Returns the events and the position to poll from next.
    func pollEvents(
        after: Int, token: String, until done: ([[String: Any]]) -> Bool
    ) async throws -> (events: [[String: Any]], next: Int) {
        var events: [[String: Any]] = []
        var cursor = after
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let page = try await get("/api/v1/events/poll?after=\(cursor)&timeoutSeconds=2", token: token)
            events += page["events"] as? [[String: Any]] ?? []
            cursor = page["lastEventId"] as? Int ?? cursor
            if done(events) { return (events, cursor) }
            guard ContinuousClock.now < deadline else {
                throw HarnessError("polling after \(after) never saw what was awaited; saw \(events.compactMap { $0["type"] as? String })")
            }
        }
    }

    /// Stops this gateway without removing its data, starts a new one with the same
    /// configuration on the same data directory (on a new port), runs `body` with it and
    /// stops it; the outer ``with(extra:environment:server:factories:_:)`` removes the data.
    func afterRestart(_ body: (APIHarness) async throws -> Void) async throws {
        await service.shutdown()
        let service = try await GatewayService(configuration: configuration, logger: Logger(label: "test", sink: logs), factories: factories)
        try await service.start()
        let restarted = APIHarness(
            service: service, port: service.port ?? 0, logs: logs, folder: folder, configuration: configuration, factories: factories)
        do {
            try await body(restarted)
        } catch {
            await service.shutdown()
            throw error
        }
        await service.shutdown()
    }

    /// Stops the gateway and removes its data.
    func stop() async {
        await service.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A harness step that failed, with what the server said.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
