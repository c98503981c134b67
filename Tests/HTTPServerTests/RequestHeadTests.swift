import Foundation
import HTTPServer
import PeerSupport
import PluginKit
import Testing

/// What the server decides from a request's head, before reading its body (issue 11, items 2
/// and 4): ambiguous framing is a 400, a refused route or missing credentials are answered
/// without buffering the body, and request bodies held in memory stay within a budget overall
/// and per client address.
@Suite("Request heads: framing, refusal before the body, the body budget")
struct RequestHeadTests {
    private func router() -> Router {
        var router = Router()
        router.post("/echo") { request in HTTPResponse(body: request.body) }
        router.on(.post, "/private", beforeBody: { request in
            request.headers["Authorization"] == nil
                ? .problem(ProblemDetails(type: ProblemDetails.typePrefix + "unauthenticated", status: .unauthorized))
                : nil
        }) { request in HTTPResponse(body: request.body) }
        router.get("/fast") { _ in HTTPResponse(body: Data("fast".utf8)) }
        return router
    }

    /// Sends `head` (and nothing else) on a new connection; the response and whether the
    /// server then closed the connection.
    private func answer(toHead head: String, port: Int) async throws -> (response: RawResponse, closed: Bool) {
        try await offPool {
            let connection = try RawHTTPConnection(port: port)
            try connection.send(head)
            let response = try connection.readResponse()
            return (response, try connection.closesAfterDiscardingTheRest())
        }
    }

    /// Each framing, and whether the server's own code refuses it (with problem+json) or
    /// libmicrohttpd does before the server sees the request (its fixed HTML 400 page: 0.9.75
    /// has no way to replace it).
    @Test(arguments: [
        ("Content-Length: 5\r\nContent-Length: 6\r\n", true),
        ("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", true),
        ("Transfer-Encoding: gzip, chunked\r\n", true),
        ("Content-Length: 5, 6\r\n", false),
        ("Content-Length: -5\r\n", false),
    ])
    func ambiguousFramingIsA400AndClosesTheConnection(framing: String, refusedByTheServer: Bool) async throws {
        try await withServer(router()) { _, port in
            let (response, closed) = try await answer(toHead: "POST /echo HTTP/1.1\r\nHost: test\r\n\(framing)\r\nhello", port: port)
            #expect(response.status == 400)
            if refusedByTheServer {
                #expect(response.headers["content-type"] == "application/problem+json")
                #expect(try jsonObject(response.body)["type"] as? String == "urn:sentralbord:problem:malformed-request")
            }
            #expect(closed, "the bytes after the head are never read as another request")
        }
    }

    @Test func repeatedEqualLengthsAreOneLength() async throws {
        try await withServer(router()) { _, port in
            let (response, _) = try await answer(
                toHead: "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello", port: port)
            #expect(response.status == 200)
            #expect(response.body == Data("hello".utf8))
        }
    }

    @Test func refusalsComeBeforeTheBodyWithTheirProblemTypes() async throws {
        try await withServer(router()) { _, port in
            // Only the heads are sent: each answer must not wait for the megabyte announced.
            let head = "Host: test\r\nContent-Length: 1000000\r\n\r\n"
            let missing = try await answer(toHead: "POST /nowhere HTTP/1.1\r\n" + head, port: port)
            #expect(missing.response.status == 404)
            #expect(try jsonObject(missing.response.body)["type"] as? String == "urn:sentralbord:problem:not-found")
            let method = try await answer(toHead: "PUT /echo HTTP/1.1\r\n" + head, port: port)
            #expect(method.response.status == 405)
            #expect(try jsonObject(method.response.body)["type"] as? String == "urn:sentralbord:problem:method-not-allowed")
            let anonymous = try await answer(toHead: "POST /private HTTP/1.1\r\n" + head, port: port)
            #expect(anonymous.response.status == 401)
            #expect(anonymous.closed)
            let large = try await answer(toHead: "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2000000\r\n\r\n", port: port)
            #expect(large.response.status == 413)
            #expect(try jsonObject(large.response.body)["type"] as? String == "urn:sentralbord:problem:content-too-large")
        }
    }

    @Test func bodiesHeldStayWithinTheBudgetPerAddressAndHealthIsStillAnswered() async throws {
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, maxRequestBodyBytes: 1000, bufferedBodyLimit: 3000, bufferedBodyLimitPerAddress: 2000)
        try await withServer(router(), configuration: configuration) { _, port in
            let result = try await offPool { () -> (busy: RawResponse, fast: RawResponse, first: RawResponse, after: RawResponse) in
                // `100 Continue` comes once the server has admitted the head: the readiness signal.
                let head = "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n"
                let first = try RawHTTPConnection(port: port)
                try first.send(head)
                #expect(try first.readResponse(bodyExpected: false).status == 100)
                let second = try RawHTTPConnection(port: port)
                try second.send(head)
                #expect(try second.readResponse(bodyExpected: false).status == 100)
                let third = try RawHTTPConnection(port: port)
                try third.send(head)
                let busy = try third.readResponse()
                let probe = try RawHTTPConnection(port: port)
                try probe.send("GET /fast HTTP/1.1\r\nHost: test\r\n\r\n")
                let fast = try probe.readResponse()
                try first.send(String(repeating: "a", count: 1000))
                let firstAnswer = try first.readResponse()
                let fourth = try RawHTTPConnection(port: port)
                try fourth.send(head)
                let admitted = try fourth.readResponse(bodyExpected: false)
                return (busy, fast, firstAnswer, admitted)
            }
            #expect(result.busy.status == 503)
            #expect(result.busy.headers["retry-after"] == "1")
            #expect(try jsonObject(result.busy.body)["type"] as? String == "urn:sentralbord:problem:server-busy")
            #expect(result.fast.status == 200, "requests without a body are not held up")
            #expect(result.first.status == 200 && result.first.body.count == 1000)
            #expect(result.after.status == 100, "a finished request gives its bytes back")
        }
    }
}
