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
            """ + "\n" + SMSAPITests.httpPlugin(
                url: "http://127.0.0.1:\(gateway.port)/send?to={to}&text={text}", body: "to={to}&text={text}&number={to_digits}",
                more: #"http_authorization = "env:SMS_GATEWAY_TOKEN""#)
        try await APIHarness.with(extra: plugin, environment: ["SMS_GATEWAY_TOKEN": "Bearer gateway-token-7f3a9c"]) { harness in
            let login = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003"}"#)
            #expect(login.status == 202)
            let received = try #require(await gateway.nextLine(), "the provider got the message")
            let body = try JSONDecoder().decode(String.self, from: Data(received.utf8))
            // The form field `text`, decoded: the code is its six-digit word.
            let text = try #require(body.split(separator: "&").first { $0.hasPrefix("text=") }?.dropFirst(5).removingPercentEncoding)
            let code = try #require(text.firstMatch(of: /\b(\d{6})\b/)?.1).description
            #expect(text.contains("innloggingskode er \(code)"), "\(text)")
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
                #expect(!Self.holds(Array(logged.utf8), secret), "\(secret) is in the log")
                #expect(!answers.contains { Self.holds(Array($0.utf8), secret) }, "\(secret) is in an API answer")
                #expect(!Self.holds(Array(reason.utf8), secret), "\(secret) is in the ledger's reason")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: harness.folder.path + "/data")
            for file in files {
                let bytes = try [UInt8](Data(contentsOf: harness.folder.appendingPathComponent("data/\(file)")))
                #expect(!Self.holds(bytes, code), "the code is in \(file)")
            }
        }
    }

    /// Whether `bytes` hold `secret` on its own: not as part of a longer run of digits, so a
    /// six-digit code is not "found" inside a millisecond timestamp by chance (`%20` before it,
    /// as in a form-encoded echo, still counts as on its own).
    static func holds(_ bytes: [UInt8], _ secret: String) -> Bool {
        let needle = Array(secret.utf8)
        guard needle.count <= bytes.count else { return false }
        func isDigit(_ index: Int) -> Bool { bytes.indices.contains(index) && (48...57).contains(bytes[index]) }
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            // A digit before it that ends a percent escape (`%20`) is no part of the run.
            let runBefore = isDigit(start - 1) && isDigit(start) && !(start >= 3 && bytes[start - 3] == UInt8(ascii: "%"))
            let runAfter = isDigit(start + needle.count) && isDigit(start + needle.count - 1)
            if !runBefore && !runAfter {
                return true
            }
        }
        return false
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
