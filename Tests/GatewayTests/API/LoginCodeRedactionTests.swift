import Foundation
import Gateway
import PeerSupport
import PluginKit
import Storage
import Testing

/// A login code sent through an SMS provider that refuses with an answer echoing the whole
/// request (as many HTTP gateways do) never leaves the code path: not in a log line, not in
/// the database (ledger reason included, WAL too), not in any API answer (issue 11, item 1).
@Suite("Login codes never leak through a provider's answer", .serialized)
struct LoginCodeRedactionTests {
    /// An HTTP SMS gateway that refuses everything with 400 and echoes the request's path and
    /// body; it prints each body it received.
    static let echoingGateway = #"""
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        import json, sys
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                print(json.dumps(body), flush=True)
                answer = ("Invalid request " + self.path + " " + body + " auth=" + self.headers.get("Authorization", "")).encode()
                self.send_response(400)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            def log_message(self, *args):
                pass
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    @Test func aRefusedLoginCodeIsNowhereButInTheMessage() async throws {
        let gateway = try await LocalPeer(script: Self.echoingGateway)
        defer { gateway.stop() }
        let plugin = """
            [auth]
            code_delivery = "sms"
            [[plugins]]
            name = "sms"
            kind = "sms"
            types = ["notification.missedCall.requested"]
            provider = "http"
            http_url = "http://127.0.0.1:\(gateway.port)/send?to={to}&text={text}"
            http_body = "to={to}&text={text}&number={to_digits}"
            http_authorization = "env:SMS_GATEWAY_TOKEN"
            unit_price_ore = 49
            """
        try await APIHarness.with(extra: plugin, environment: ["SMS_GATEWAY_TOKEN": "Bearer gateway-token-7f3a9c"]) { harness in
            let login = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003"}"#)
            #expect(login.status == 202)
            let received = try #require(await gateway.nextLine(), "the provider got the message")
            let body = try JSONDecoder().decode(String.self, from: Data(received.utf8))
            let code = try #require(body.firstMatch(of: /text=[^&]*?(\d{6})/)?.1).description
            let reason = try await Self.failedReason(harness)
            #expect(reason.contains("http answered 400"), "the ledger keeps the status: \(reason)")

            var answers = [login.text]
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            for path in [
                "/api/v1/admin/billing?from=2020-01-01&to=2099-12-31&format=json&groupBy=purpose",
                "/api/v1/admin/billing?from=2020-01-01&to=2099-12-31&format=csv&groupBy=purpose",
                "/api/v1/admin/plugins", "/api/v1/events/poll?after=0&timeoutSeconds=0&limit=1000",
            ] {
                let answer = try await harness.request(.get, path, token: admin)
                #expect(answer.status == 200, "\(path): \(answer.status)")
                answers.append(answer.text)
            }
            let logged = harness.logs.records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            #expect(logged.contains("answered 400"), "the refusal is logged")
            for secret in [code, "4740010003", "gateway-token-7f3a9c"] {
                #expect(!logged.contains(secret), "\(secret) is in the log")
                #expect(!answers.contains { $0.contains(secret) }, "\(secret) is in an API answer")
                #expect(!reason.contains(secret), "\(secret) is in the ledger's reason")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: harness.folder.path + "/data")
            for file in files {
                let bytes = try Data(contentsOf: harness.folder.appendingPathComponent("data/\(file)"))
                #expect(bytes.range(of: Data(code.utf8)) == nil, "the code is in \(file)")
            }
        }
    }

    /// The reason of the login code's failed ledger row, once it is there (the code is sent in
    /// the background).
    static func failedReason(_ harness: APIHarness) async throws -> String {
        for _ in 0..<500 {
            let reason = try await harness.service.storage.database.access { database -> String? in
                let select = try database.prepare("SELECT reason FROM sms_ledger WHERE purpose = 'login-code' AND status IN ('released', 'failed', 'dropped')")
                return try select.step() ? select.string(at: 0) ?? "" : nil
            }
            if let reason { return reason }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("the login code's ledger row never ended")
    }
}
