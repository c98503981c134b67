import Foundation
import HTTPClient
import PeerSupport
import PluginKit
import Testing

@Suite("HTTPSession against a local echo server")
struct HTTPSessionTests {
    let session = HTTPSession()

    /// Runs `body` with a fresh echo server's base URL, stopping the server afterwards.
    func withEchoServer(_ body: (String) async throws -> Void) async throws {
        let server = try await LocalPeer(script: PeerScripts.echoServer)
        defer { server.stop() }
        try await body("http://127.0.0.1:\(server.port)")
    }

    @Test("GET round trip with request and response headers")
    func get() async throws {
        try await withEchoServer { base in
            let response = try await session.send(
                HTTPClientRequest(url: "\(base)/calls?since=42", headers: ["X-Trace-Id": "abc123", "Accept": "application/json"]))
            #expect(response.status == 200)
            #expect(response.isSuccess)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.headers["X-ECHO-SERVER"] == "yes")
            let echo = try EchoReply(response)
            #expect(echo.method == "GET")
            #expect(echo.path == "/calls?since=42")
            #expect(echo.header("x-trace-id") == "abc123")
            #expect(echo.header("user-agent") == "Sentralbord")
            #expect(echo.bodyBytes.isEmpty)
        }
    }

    @Test("POST sends the body bytes unchanged")
    func post() async throws {
        try await withEchoServer { base in
            let body = Array(#"{"text":"Blåbærsyltetøy ✓","n":1}"#.utf8) + [0, 255]
            let response = try await session.send(
                HTTPClientRequest(method: .post, url: "\(base)/hooks", headers: ["Content-Type": "application/json"], body: body))
            let echo = try EchoReply(response)
            #expect(echo.method == "POST")
            #expect(echo.bodyBytes == body)
            #expect(echo.header("content-type") == "application/json")
            #expect(echo.header("content-length") == "\(body.count)")
        }
    }

    @Test("PUT with a body, DELETE and a WebDAV method without one")
    func otherMethods() async throws {
        try await withEchoServer { base in
            let put = try EchoReply(
                await session.send(HTTPClientRequest(method: .put, url: "\(base)/cal/1.ics", body: Array("BEGIN:VCALENDAR".utf8))))
            #expect(put.method == "PUT")
            #expect(put.bodyBytes == Array("BEGIN:VCALENDAR".utf8))
            let delete = try EchoReply(await session.send(HTTPClientRequest(method: .delete, url: "\(base)/cal/1.ics")))
            #expect(delete.method == "DELETE")
            let report = try EchoReply(await session.send(HTTPClientRequest(method: HTTPMethod(rawValue: "REPORT"), url: "\(base)/cal/")))
            #expect(report.method == "REPORT")
            let empty = try EchoReply(await session.send(HTTPClientRequest(method: .post, url: "\(base)/empty")))
            #expect(empty.method == "POST")
            #expect(empty.header("content-length") == "0")
        }
    }

    @Test("error statuses are responses, not errors")
    func errorStatus() async throws {
        try await withEchoServer { base in
            let response = try await session.send(HTTPClientRequest(url: "\(base)/status/503"))
            #expect(response.status == 503)
            #expect(!response.isSuccess)
            #expect(response.text == "status")
        }
    }

    @Test("a timeout fails well before the server answers")
    func timeout() async throws {
        try await withEchoServer { base in
            let started = ContinuousClock.now
            let error = await #expect(throws: TransferError.self) {
                try await session.send(HTTPClientRequest(url: "\(base)/slow?seconds=120", timeout: .milliseconds(300)))
            }
            #expect(error?.code == .timeout)
            #expect(error?.curlCode == 28)
            #expect(ContinuousClock.now - started < .seconds(60), "long before the server's two minutes")
        }
    }

    @Test("a refused connection is couldNotConnect")
    func refused() async throws {
        let server = try await LocalPeer(script: PeerScripts.echoServer)
        let port = server.port
        await server.stopAndWait()
        let error = await #expect(throws: TransferError.self) {
            try await session.send(HTTPClientRequest(url: "http://127.0.0.1:\(port)/"))
        }
        #expect(error?.code == .couldNotConnect)
    }

    @Test("malformed URLs and other schemes are invalidURL", arguments: ["http://", "file:///etc/passwd", "gopher://127.0.0.1/"])
    func invalidURL(_ url: String) async throws {
        let error = await #expect(throws: TransferError.self) {
            try await session.send(HTTPClientRequest(url: url))
        }
        #expect(error?.code == .invalidURL)
    }

    @Test("a header with a line break is refused before sending")
    func headerInjection() async throws {
        let error = await #expect(throws: TransferError.self) {
            try await session.send(HTTPClientRequest(url: "http://127.0.0.1:9/", headers: ["X-Evil": "a\r\nHost: elsewhere"]))
        }
        #expect(error?.code == .invalidRequest)
    }

    @Test("basic authentication is sent, and secrets never appear in errors")
    func basicAuthentication() async throws {
        try await withEchoServer { base in
            let response = try await session.send(
                HTTPClientRequest(url: "\(base)/secure", authentication: .basic(username: "sentralbord", password: "pa55:word")))
            let expected = "Basic " + Data("sentralbord:pa55:word".utf8).base64EncodedString()
            #expect(try EchoReply(response).header("authorization") == expected)
        }
        let server = try await LocalPeer(script: PeerScripts.echoServer)
        let port = server.port
        await server.stopAndWait()
        let request = HTTPClientRequest(
            url: "http://user:url-secret-99@127.0.0.1:\(port)/", headers: ["Authorization": "Bearer token-secret-77"],
            authentication: .basic(username: "u", password: "basic-secret-55"))
        let error = await #expect(throws: TransferError.self) { try await session.send(request) }
        let text = "\(String(describing: error)) \(request.headers) \(String(describing: request.authentication))"
        for secret in ["url-secret-99", "token-secret-77", "basic-secret-55"] {
            #expect(!text.contains(secret))
        }
    }

    @Test("AWS SigV4 signatures verify on the server; a wrong secret does not")
    func awsSigV4() async throws {
        try await withEchoServer { base in
            func publish(secret: String) async throws -> EchoReply {
                try EchoReply(
                    await session.send(
                        HTTPClientRequest(
                            method: .post, url: "\(base)/aws",
                            headers: ["Content-Type": "application/x-www-form-urlencoded"],
                            body: Array("Action=Publish&PhoneNumber=%2B4791234567&Message=Hei".utf8),
                            authentication: .awsSigV4(
                                accessKeyID: "AKIDEXAMPLE", secretAccessKey: secret, region: "eu-north-1", service: "sns"))))
            }
            let signed = try await publish(secret: "test-secret-access-key")
            #expect(signed.awsSignatureValid == true)
            let authorization = try #require(signed.header("authorization"))
            #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
            #expect(authorization.contains("/eu-north-1/sns/aws4_request"))
            #expect(try await publish(secret: "wrong-secret").awsSignatureValid == false)
        }
    }

    @Test("redirects are returned by default and followed when allowed")
    func redirects() async throws {
        try await withEchoServer { base in
            let unfollowed = try await session.send(HTTPClientRequest(url: "\(base)/redirect?to=/landed"))
            #expect(unfollowed.status == 302)
            #expect(unfollowed.headers["location"] == "/landed")
            let followed = try await session.send(HTTPClientRequest(url: "\(base)/redirect?to=/landed", maximumRedirects: 3))
            #expect(followed.status == 200)
            #expect(try EchoReply(followed).path == "/landed")
            let loop = await #expect(throws: TransferError.self) {
                try await session.send(HTTPClientRequest(url: "\(base)/redirect?to=/redirect%3Fto%3D/redirect", maximumRedirects: 2))
            }
            #expect(loop?.code == .tooManyRedirects)
        }
    }

    @Test("a body over the limit fails with responseTooLarge")
    func tooLarge() async throws {
        try await withEchoServer { base in
            let fits = try await session.send(HTTPClientRequest(url: "\(base)/large?bytes=5000", maximumResponseBytes: 5000))
            #expect(fits.body.count == 5000)
            let error = await #expect(throws: TransferError.self) {
                try await session.send(HTTPClientRequest(url: "\(base)/large?bytes=200000", maximumResponseBytes: 1000))
            }
            #expect(error?.code == .responseTooLarge)
        }
    }

    @Test("cancelling the task aborts a running transfer")
    func cancellation() async throws {
        try await withEchoServer { base in
            let started = ContinuousClock.now
            let task = Task { try await session.send(HTTPClientRequest(url: "\(base)/slow?seconds=120")) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let result = await task.result
            #expect(throws: TransferError.self) { try result.get() }
            if case .failure(let error as TransferError) = result {
                #expect(error.code == .cancelled)
            }
            #expect(ContinuousClock.now - started < .seconds(60), "long before the server's two minutes")
        }
    }

    @Test("many concurrent requests share the session's threads")
    func concurrent() async throws {
        try await withEchoServer { base in
            let paths = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<12 {
                    group.addTask { try EchoReply(await session.send(HTTPClientRequest(url: "\(base)/n/\(index)"))).path }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(paths == Set((0..<12).map { "/n/\($0)" }))
        }
    }
}
