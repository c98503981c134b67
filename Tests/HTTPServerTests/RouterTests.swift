import Foundation
import HTTPServer
import PluginKit
import Testing

/// The router, exercised without sockets.
@Suite struct RouterTests {
    private func router() -> Router {
        var router = Router()
        router.get("/api/v1/users/:id") { request in
            HTTPResponse(body: Data("user \(request.parameters["id"] ?? "?")".utf8))
        }
        router.get("/api/v1/users/me") { _ in
            HTTPResponse(body: Data("me".utf8))
        }
        router.delete("/api/v1/users/:id") { _ in
            HTTPResponse(status: .noContent)
        }
        return router
    }

    private func text(_ response: HTTPResponse) -> String {
        guard case .data(let data) = response.body else { return "<stream>" }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func fillsPercentDecodedPathParameters() async throws {
        let response = try await router().respond(to: HTTPRequest(method: .get, target: "/api/v1/users/a%20b?x=1"))
        #expect(text(response) == "user a b")
    }

    @Test func prefersLiteralSegmentsOverParameters() async throws {
        let response = try await router().respond(to: HTTPRequest(method: .get, target: "/api/v1/users/me"))
        #expect(text(response) == "me")
    }

    @Test func literalAtTheFirstDifferingSegmentWinsWhateverTheOrderAdded() async throws {
        var router = Router()
        router.get("/a/:x/c") { _ in HTTPResponse(body: Data("parameter first".utf8)) }
        router.get("/a/b/:y") { request in HTTPResponse(body: Data("literal first \(request.parameters["y"] ?? "?")".utf8)) }
        router.get("/a/:z/:w") { _ in HTTPResponse(body: Data("parameters".utf8)) }
        #expect(text(try await router.respond(to: HTTPRequest(method: .get, target: "/a/b/c"))) == "literal first c")
        #expect(text(try await router.respond(to: HTTPRequest(method: .get, target: "/a/q/c"))) == "parameter first")
        #expect(text(try await router.respond(to: HTTPRequest(method: .get, target: "/a/q/r"))) == "parameters")
    }

    @Test func sameShapeRoutesGoToTheOneAddedFirstWithItsOwnParameterNames() async throws {
        var router = Router()
        router.get("/items/:first") { request in HTTPResponse(body: Data("first \(request.parameters["first"] ?? "?")".utf8)) }
        router.get("/items/:second") { _ in HTTPResponse(body: Data("second".utf8)) }
        router.post("/items/:posted") { request in HTTPResponse(body: Data("posted \(request.parameters.keys.sorted())".utf8)) }
        #expect(text(try await router.respond(to: HTTPRequest(method: .get, target: "/items/7"))) == "first 7")
        #expect(text(try await router.respond(to: HTTPRequest(method: .post, target: "/items/7"))) == "posted [\"posted\"]")
    }

    @Test func methodDecidesBeforeSpecificity() async throws {
        var router = Router()
        router.post("/users/me") { _ in HTTPResponse(body: Data("post me".utf8)) }
        router.get("/users/:id") { _ in HTTPResponse(body: Data("get user".utf8)) }
        #expect(text(try await router.respond(to: HTTPRequest(method: .get, target: "/users/me"))) == "get user")
        #expect(text(try await router.respond(to: HTTPRequest(method: .head, target: "/users/me"))) == "get user")
        let error = try await #require(throws: HTTPError.self) {
            try await router.respond(to: HTTPRequest(method: .put, target: "/users/me"))
        }
        #expect(error.headers["Allow"] == "GET, HEAD, POST")
    }

    @Test func servesHeadWithTheGetRoute() async throws {
        let response = try await router().respond(to: HTTPRequest(method: .head, target: "/api/v1/users/7"))
        #expect(response.status == .ok)
    }

    @Test func unknownPathIsNotFound() async throws {
        let error = try await #require(throws: HTTPError.self) {
            try await router().respond(to: HTTPRequest(method: .get, target: "/api/v1/groups/7"))
        }
        #expect(error.status == .notFound)
    }

    @Test func knownPathWithOtherMethodIsMethodNotAllowedWithAllow() async throws {
        let error = try await #require(throws: HTTPError.self) {
            try await router().respond(to: HTTPRequest(method: .post, target: "/api/v1/users/7"))
        }
        #expect(error.status == .methodNotAllowed)
        #expect(error.headers["allow"] == "DELETE, GET, HEAD")
    }

    @Test func parsesQueryItems() {
        let request = HTTPRequest(method: .get, target: "/search?q=a+b%26c&flag&empty=")
        #expect(request.query == "q=a+b%26c&flag&empty=")
        #expect(request.queryValue("q") == "a b&c")
        #expect(request.queryItems.map(\.name) == ["q", "flag", "empty"])
        #expect(request.queryItems[1].value == nil)
        #expect(request.queryValue("empty") == "")
    }

    @Test func headersAreCaseInsensitive() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add(name: "set-cookie", value: "a=1")
        headers.add(name: "Set-Cookie", value: "b=2")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        headers["CONTENT-TYPE"] = nil
        #expect(headers["Content-Type"] == nil)
        headers.add(name: "X-Ærend", value: "1")
        #expect(headers["x-ærend"] == "1")
        #expect(headers["X-Ærene"] == nil)
    }

    @Test func splitsPathsAndQueriesByteWise() {
        let request = HTTPRequest(method: .get, target: "//api/v1//a%2Fb/caf%C3%A9/?=x&&a=%3D&b+c=d+e")
        #expect(request.path == "//api/v1//a%2Fb/caf%C3%A9/")
        #expect(request.pathSegments == ["api", "v1", "a/b", "café"])
        #expect(request.queryItems.map(\.name) == ["", "a", "b c"])
        #expect(request.queryItems.map(\.value) == ["x", "=", "d e"])
        #expect(HTTPRequest(method: .get, target: "/plain").query == "")
        #expect(HTTPRequest(method: .get, target: "/?").queryItems.isEmpty)
    }
}
