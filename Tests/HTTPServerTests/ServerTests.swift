import PeerSupport
import Foundation
import FoundationNetworking
import HTTPServer
import PluginKit
import Testing

private struct User: Codable, Equatable {
    var id: Int
    var name: String
}

private struct ValidationFailed: HTTPResponseError {
    var status: HTTPStatus { .unprocessableContent }
    var problem: ProblemDetails {
        ProblemDetails(
            type: "https://sentralbord.example/problems/validation", title: "Validation failed",
            status: status, detail: "The user is not valid.",
            extensions: ["errors": [["field": "name", "message": "must not be empty"]]])
    }
}

private struct SecretDatabaseError: Error, CustomStringConvertible {
    var description: String { "password=hunter2 at db.internal:5432" }
}

/// The server on a live loopback socket.
@Suite struct ServerTests {
    private func router() -> Router {
        var router = Router()
        router.get("/api/v1/users/:id") { request in
            guard let id = request.parameters["id"].flatMap(Int.init) else {
                throw HTTPError(.badRequest, detail: "id must be a number")
            }
            return try .json(User(id: id, name: request.queryValue("name") ?? "Kari"))
        }
        router.post("/echo") { request in
            var headers = HTTPHeaders()
            headers["Content-Type"] = request.headers["content-type"] ?? "application/octet-stream"
            return HTTPResponse(headers: headers, body: request.body)
        }
        router.get("/invalid") { _ in throw ValidationFailed() }
        router.get("/broken") { _ in throw SecretDatabaseError() }
        router.get("/slow") { _ in
            try await Task.sleep(for: .milliseconds(800))
            return HTTPResponse(body: Data("slow".utf8))
        }
        router.get("/fast") { _ in HTTPResponse(body: Data("fast".utf8)) }
        return router
    }

    @Test func getReturnsJSON() async throws {
        try await withServer(router()) { _, port in
            let (status, headers, body) = try await fetch(port, "/api/v1/users/42?name=Ola%20N")
            #expect(status == 200)
            #expect(headers["content-type"] == "application/json")
            #expect(try JSONDecoder().decode(User.self, from: body) == User(id: 42, name: "Ola N"))
        }
    }

    @Test func postEchoesTheBody() async throws {
        try await withServer(router()) { _, port in
            let payload = Data((0..<100_000).map { UInt8($0 % 251) })
            let (status, headers, body) = try await fetch(
                port, "/echo", method: "POST", body: payload, headers: ["Content-Type": "application/x-test"])
            #expect(status == 200)
            #expect(headers["content-type"] == "application/x-test")
            #expect(body == payload)
        }
    }

    @Test func handlerErrorWithHTTPResponseErrorChoosesStatusAndProblem() async throws {
        try await withServer(router()) { _, port in
            let (status, headers, body) = try await fetch(port, "/api/v1/users/abc")
            #expect(status == 400)
            #expect(headers["content-type"] == "application/problem+json")
            let problem = try jsonObject(body)
            #expect(problem["detail"] as? String == "id must be a number")
            #expect(problem["instance"] as? String == "/api/v1/users/abc")

            let (invalidStatus, _, invalidBody) = try await fetch(port, "/invalid")
            #expect(invalidStatus == 422)
            let invalid = try jsonObject(invalidBody)
            #expect(invalid["type"] as? String == "https://sentralbord.example/problems/validation")
            #expect(invalid["title"] as? String == "Validation failed")
            #expect(invalid["status"] as? Int == 422)
            let errors = try #require(invalid["errors"] as? [[String: String]])
            #expect(errors == [["field": "name", "message": "must not be empty"]])
        }
    }

    @Test func otherHandlerErrorsAreA500ThatLeaksNothing() async throws {
        try await withServer(router()) { _, port in
            let (status, headers, body) = try await fetch(port, "/broken")
            #expect(status == 500)
            #expect(headers["content-type"] == "application/problem+json")
            let text = String(decoding: body, as: UTF8.self)
            #expect(!text.contains("hunter2"))
            #expect(!text.contains("SecretDatabaseError"))
            let problem = try jsonObject(body)
            #expect(problem["title"] as? String == "Internal Server Error")
            #expect(problem["status"] as? Int == 500)
            #expect(problem["detail"] == nil)
        }
    }

    @Test func unknownPathIsA404Problem() async throws {
        try await withServer(router()) { _, port in
            let (status, headers, body) = try await fetch(port, "/nowhere")
            #expect(status == 404)
            #expect(headers["content-type"] == "application/problem+json")
            let problem = try jsonObject(body)
            #expect(problem["type"] as? String == "urn:sentralbord:problem:not-found")
            #expect(problem["title"] as? String == "Not Found")
            #expect(problem["status"] as? Int == 404)
            #expect(problem["instance"] as? String == "/nowhere")
            #expect(problem["detail"] is String)
        }
    }

    @Test func wrongMethodIsA405ProblemWithAllow() async throws {
        try await withServer(router()) { _, port in
            let (status, headers, body) = try await fetch(port, "/echo", method: "PUT", body: Data("x".utf8))
            #expect(status == 405)
            #expect(headers["allow"] == "POST")
            #expect(headers["content-type"] == "application/problem+json")
            let problem = try jsonObject(body)
            #expect(problem["title"] as? String == "Method Not Allowed")
            #expect(problem["status"] as? Int == 405)
        }
    }

    @Test func oversizedBodyWithContentLengthIsRefusedBeforeItIsSent() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxRequestBodyBytes: 1000)
        try await withServer(router(), configuration: configuration) { _, port in
            let response = try await offPool {
                let connection = try RawHTTPConnection(port: port)
                // Only the head is sent: the answer must not wait for the 10 MB body.
                try connection.send(
                    "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: 10000000\r\n\r\n")
                return try connection.readResponse()
            }
            #expect(response.status == 413)
            #expect(response.headers["content-type"] == "application/problem+json")
            let problem = try jsonObject(response.body)
            #expect(problem["status"] as? Int == 413)
            #expect(problem["title"] as? String == "Content Too Large")
            #expect(problem["instance"] as? String == "/echo")
        }
    }

    @Test func oversizedChunkedBodyIsA413() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, maxRequestBodyBytes: 1000)
        try await withServer(router(), configuration: configuration) { _, port in
            let (small, large) = try await offPool {
                let connection = try RawHTTPConnection(port: port)
                let head = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                let chunk = "190\r\n" + String(repeating: "a", count: 400) + "\r\n"
                try connection.send(head + chunk + chunk + "0\r\n\r\n")
                let small = try connection.readResponse()
                try connection.send(head + chunk + chunk + chunk + "0\r\n\r\n")
                return (small, try connection.readResponse())
            }
            #expect(small.status == 200)
            #expect(small.body.count == 800)
            #expect(large.status == 413)
            #expect(large.headers["content-type"] == "application/problem+json")
        }
    }

    @Test func accessLogSeesEveryRequest() async throws {
        let entries = Recorder<HTTPAccessLogEntry>()
        try await withServer(router(), accessLog: entries.record) { _, port in
            _ = try await fetch(port, "/api/v1/users/1")
            _ = try await fetch(port, "/echo", method: "POST", body: Data("hello".utf8))
            _ = try await fetch(port, "/nowhere?x=1")
        }
        let seen = entries.all.map { "\($0.method) \($0.path) \($0.status?.code ?? 0)" }
        #expect(seen.sorted() == ["GET /api/v1/users/1 200", "GET /nowhere 404", "POST /echo 200"])
        let echo = try #require(entries.all.first { $0.method == .post })
        #expect(echo.requestBodyBytes == 5)
        #expect(echo.responseBodyBytes == 5)
        #expect(echo.remoteAddress == "127.0.0.1")
        #expect(echo.completedNormally)
        #expect(echo.duration > .zero)
    }

    @Test func keepAliveConnectionIsReused() async throws {
        let entries = Recorder<HTTPAccessLogEntry>()
        try await withServer(router(), accessLog: entries.record) { _, port in
            let responses = try await offPool {
                let connection = try RawHTTPConnection(port: port)
                return try (1...3).map { id in
                    try connection.send("GET /api/v1/users/\(id) HTTP/1.1\r\nHost: test\r\n\r\n")
                    return try connection.readResponse()
                }
            }
            #expect(responses.map(\.status) == [200, 200, 200])
            #expect(responses.allSatisfy { $0.headers["connection"]?.lowercased() != "close" })
            let users = try responses.map { try JSONDecoder().decode(User.self, from: $0.body).id }
            #expect(users == [1, 2, 3])
        }
    }

    @Test func fiftyConcurrentRequestsAllSucceed() async throws {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.httpMaximumConnectionsPerHost = 50
        let session = URLSession(configuration: sessionConfiguration)
        try await withServer(router()) { _, port in
            let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                for id in 1...50 {
                    group.addTask {
                        let (status, _, body) = try await fetch(port, "/api/v1/users/\(id)", session: session)
                        #expect(status == 200)
                        return try JSONDecoder().decode(User.self, from: body).id
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(ids.sorted() == Array(1...50))
        }
        session.finishTasksAndInvalidate()
    }

    @Test func slowHandlerDoesNotBlockOthers() async throws {
        let finished = Recorder<String>()
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, threadPoolSize: 1)
        try await withServer(router(), configuration: configuration) { _, port in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try await fetch(port, "/slow")
                    finished.record("slow")
                }
                try await Task.sleep(for: .milliseconds(150))
                group.addTask {
                    let (_, _, body) = try await fetch(port, "/fast")
                    finished.record(String(decoding: body, as: UTF8.self))
                }
                try await group.waitForAll()
            }
        }
        #expect(finished.all == ["fast", "slow"])
    }

    @Test func startRejectsAHostThatIsNotANumericAddress() throws {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "localhost", port: 0), responder: router())
        let error = try #require(throws: HTTPServerError.self) { try server.start() }
        #expect(error.code == .invalidConfiguration)
        #expect(server.port == nil)
    }

    @Test func startFailsClearlyWhenThePortIsInUse() async throws {
        try await withServer(router()) { _, port in
            let second = HTTPServer(
                configuration: HTTPServerConfiguration(host: "127.0.0.1", port: port), responder: router())
            let error = try #require(throws: HTTPServerError.self) { try second.start() }
            #expect(error.code == .addressInUse)
            #expect(error.message.contains("127.0.0.1:\(port)"))
        }
    }
}
