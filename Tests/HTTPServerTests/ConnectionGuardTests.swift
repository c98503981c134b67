import Foundation
import HTTPServer
import PeerSupport
import PluginKit
import Synchronization
import Testing

/// One client cannot take every connection slot (issue 11, item 3): a request head has a
/// deadline that trickled bytes do not extend, one address has a cap (a trusted proxy has
/// none), and at the cap a new connection takes the place of the oldest one still waiting for
/// a head, so a health probe from the same address is answered. And a NUL byte in the request
/// target is refused (item 4).
@Suite("Connections: head deadline, per-address cap, NUL in the target")
struct ConnectionGuardTests {
    /// A router whose `/hold` requests wait until `release` is called, counting the waiting.
    private final class Holds: Sendable {
        let entered = Atomic(0)
        let gate = Mutex<[CheckedContinuation<Void, Never>]>([])
        func release() { gate.withLock { $0 }.forEach { $0.resume() } }
    }

    private func router(_ holds: Holds = Holds()) -> Router {
        var router = Router()
        router.get("/fast") { _ in HTTPResponse(body: Data("fast".utf8)) }
        router.get("/users/:id") { request in HTTPResponse(body: Data((request.parameters["id"] ?? "").utf8)) }
        router.get("/hold") { _ in
            await withCheckedContinuation { continuation in
                holds.gate.withLock { $0.append(continuation) }
                holds.entered.add(1, ordering: .relaxed)
            }
            return HTTPResponse(body: Data("held".utf8))
        }
        return router
    }

    @Test func aTrickledHeadIsClosedAtItsDeadline() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, headTimeout: .seconds(1))
        try await withServer(router(), configuration: configuration) { _, port in
            let (closed, elapsed) = try await offPool { () -> (Bool, Duration) in
                let connection = try RawHTTPConnection(port: port)
                let start = ContinuousClock.now
                try connection.send("GET /fast HTTP/1.1\r\nHost: test\r\n")
                // One header byte every 100 ms, for up to two minutes: libmicrohttpd's idle timeout
                // would never fire.
                while ContinuousClock.now - start < .seconds(120), (try? connection.send("X")) != nil {
                    usleep(100_000)
                }
                return (try connection.closesAfterDiscardingTheRest(), ContinuousClock.now - start)
            }
            #expect(closed)
            #expect(elapsed < .seconds(60), "closed at the 1 s deadline, not when the client gave up: \(elapsed)")
        }
    }

    @Test func atTheCapANewConnectionReplacesAWaitingOneOrIsRefusedWhenAllAreBusy() async throws {
        let holds = Holds()
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, connectionsPerAddress: 3)
        try await withServer(router(holds), configuration: configuration) { _, port in
            // Three silent connections fill the cap; a probe then takes the oldest one's place.
            let (probe, oldestClosed) = try await offPool { () -> (RawResponse, Bool) in
                let silent = try (0..<3).map { _ in try RawHTTPConnection(port: port) }
                usleep(100_000)
                let probe = try RawHTTPConnection(port: port)
                try probe.send("GET /fast HTTP/1.1\r\nHost: test\r\n\r\n")
                let answer = try probe.readResponse()
                return (answer, try silent[0].closesAfterDiscardingTheRest())
            }
            #expect(probe.status == 200)
            #expect(oldestClosed)
            // Three connections busy in requests: a fourth has nothing to replace and is closed.
            let refused = try await offPool { () -> Bool in
                let busy = try (0..<3).map { _ in try RawHTTPConnection(port: port) }
                for connection in busy { try connection.send("GET /hold HTTP/1.1\r\nHost: test\r\n\r\n") }
                let deadline = ContinuousClock.now + .seconds(60)
                while holds.entered.load(ordering: .relaxed) < 3, ContinuousClock.now < deadline { usleep(5_000) }
                guard holds.entered.load(ordering: .relaxed) == 3 else {
                    holds.release()
                    throw RawHTTPError("the three requests never reached their handler")
                }
                let fourth = try RawHTTPConnection(port: port)
                try? fourth.send("GET /fast HTTP/1.1\r\nHost: test\r\n\r\n")
                let closed = try fourth.closesAfterDiscardingTheRest()
                holds.release()
                for connection in busy { _ = try connection.readResponse() }
                return closed
            }
            #expect(refused)
        }
    }

    @Test func aTrustedProxyHasNoCap() async throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, connectionsPerAddress: 1, trustedAddresses: ["127.0.0.1"])
        try await withServer(router(), configuration: configuration) { _, port in
            let statuses = try await offPool { () -> [Int] in
                let connections = try (0..<4).map { _ in try RawHTTPConnection(port: port) }
                return try connections.map { connection in
                    try connection.send("GET /fast HTTP/1.1\r\nHost: test\r\n\r\n")
                    return try connection.readResponse().status
                }
            }
            #expect(statuses == [200, 200, 200, 200])
        }
    }

    @Test func aNulByteInTheTargetIsA400() async throws {
        try await withServer(router()) { _, port in
            let (response, closed) = try await offPool { () -> (RawResponse, Bool) in
                let connection = try RawHTTPConnection(port: port)
                try connection.send(Data("GET /users/kari".utf8) + Data([0]) + Data("x HTTP/1.1\r\nHost: test\r\n\r\n".utf8))
                return (try connection.readResponse(), try connection.closesAfterDiscardingTheRest())
            }
            #expect(response.status == 400)
            #expect(try jsonObject(response.body)["type"] as? String == "urn:sentralbord:problem:malformed-request")
            #expect(closed)
            let plain = try await fetch(port, "/users/kari")
            #expect(plain.status == 200 && plain.body == Data("kari".utf8))
        }
    }

    @Test func aNulByteInAHeaderValueIsA400() async throws {
        try await withServer(router()) { _, port in
            for head in [
                Data("GET /fast HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer TOKEN".utf8) + Data([0]) + Data("junk\r\n\r\n".utf8),
                Data("GET /fast HTTP/1.1\nHost: test\nAccept: */*\n\n".utf8),
            ] {
                let (response, closed) = try await offPool { () -> (RawResponse, Bool) in
                    let connection = try RawHTTPConnection(port: port)
                    try connection.send(head)
                    return (try connection.readResponse(), try connection.closesAfterDiscardingTheRest())
                }
                #expect(response.status == 400)
                #expect(try jsonObject(response.body)["type"] as? String == "urn:sentralbord:problem:malformed-request")
                #expect(closed)
            }
            let plain = try await fetch(port, "/fast", headers: ["Authorization": "Bearer TOKEN", "X-Empty": ""])
            #expect(plain.status == 200, "well-formed heads, empty values included, pass")
        }
    }
}
