import PeerSupport
import Foundation
import Glibc
import HTTPServer
import PluginKit
import Synchronization
import Testing

/// Yields the given chunks with a pause before each, then ends.
private final class DelayedChunks: HTTPBodyProducer {
    private let remaining: Mutex<[String]>
    private let delay: Duration

    init(_ chunks: [String], delay: Duration) {
        remaining = Mutex(chunks)
        self.delay = delay
    }

    func next() async throws -> Data? {
        try await Task.sleep(for: delay)
        return remaining.withLock { $0.isEmpty ? nil : Data($0.removeFirst().utf8) }
    }
}

/// Sends one chunk, then waits (cancellably) for an hour: a stream that only shutdown ends.
private final class EndlessStream: HTTPBodyProducer {
    let started = Signal()
    private let sentFirst = Mutex(false)

    func next() async throws -> Data? {
        if !sentFirst.withLock({ $0 }) {
            sentFirst.withLock { $0 = true }
            return Data("hello".utf8)
        }
        started.fire()
        try await Task.sleep(for: .seconds(3600))
        return Data("never".utf8)
    }
}

/// Streamed bodies and graceful shutdown, on a live loopback socket.
@Suite struct StreamingAndShutdownTests {
    @Test func streamedBodyDeliversChunksInOrderAsTheyAreProduced() async throws {
        var router = Router()
        router.get("/stream") { _ in
            HTTPResponse(
                headers: ["Content-Type": "text/plain"],
                producer: DelayedChunks(["one", "two", "three"], delay: .milliseconds(150)))
        }
        let entries = Recorder<HTTPAccessLogEntry>()
        try await withServer(router, accessLog: entries.record) { _, port in
            let response = try await offPool {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /stream HTTP/1.1\r\nHost: test\r\n\r\n")
                return try connection.readResponse()
            }
            #expect(response.status == 200)
            #expect(response.headers["transfer-encoding"] == "chunked")
            #expect(response.chunks.map { String(decoding: $0.data, as: UTF8.self) } == ["one", "two", "three"])
            let first = try #require(response.chunks.first?.arrival)
            let last = try #require(response.chunks.last?.arrival)
            #expect(last - first >= .milliseconds(250), "chunks arrive as produced, not all at the end")
        }
        #expect(entries.all.first?.responseBodyBytes == 11)
    }

    @Test func gracefulShutdownFinishesInFlightRequestsThenRefusesConnections() async throws {
        let handlerStarted = Signal()
        var router = Router()
        router.get("/slow") { _ in
            handlerStarted.fire()
            try await Task.sleep(for: .milliseconds(500))
            return HTTPResponse(body: Data("finished".utf8))
        }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, shutdownGracePeriod: .seconds(120)),
            responder: router)
        try server.start()
        let port = try #require(server.port)
        async let inFlight = offPool {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /slow HTTP/1.1\r\nHost: test\r\n\r\n")
            return try connection.readResponse()
        }
        await handlerStarted.wait()
        let began = ContinuousClock.now
        await server.shutdown()
        let response = try await inFlight
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "finished")
        #expect(ContinuousClock.now - began < .seconds(60), "well within the 120 s grace period")
        let refused = try #require(throws: RawHTTPError.self) { try RawHTTPConnection(port: port) }
        #expect(refused.errorNumber == ECONNREFUSED)
    }

    @Test func shutdownAfterTheGracePeriodAnswersStuckRequestsWith503() async throws {
        let handlerStarted = Signal()
        var router = Router()
        router.get("/stuck") { _ in
            handlerStarted.fire()
            try? await Task.sleep(for: .seconds(3600))
            return HTTPResponse(body: Data("too late".utf8))
        }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, shutdownGracePeriod: .milliseconds(200)),
            responder: router)
        try server.start()
        let port = try #require(server.port)
        async let stuck = offPool {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /stuck HTTP/1.1\r\nHost: test\r\n\r\n")
            return try connection.readResponse()
        }
        await handlerStarted.wait()
        let began = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - began < .seconds(60), "the stuck handler (an hour) is not waited for")
        let response = try await stuck
        #expect(response.status == 503)
        #expect(try jsonObject(response.body)["detail"] as? String == "The server is shutting down.")
    }

    @Test func shutdownEndsASuspendedStream() async throws {
        let stream = EndlessStream()
        var router = Router()
        router.get("/events") { _ in HTTPResponse(producer: stream) }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, shutdownGracePeriod: .seconds(120)),
            responder: router)
        try server.start()
        let port = try #require(server.port)
        async let reading = offPool {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /events HTTP/1.1\r\nHost: test\r\n\r\n")
            return try connection.readResponse()
        }
        await stream.started.wait()
        let began = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - began < .seconds(60), "the stream does not hold shutdown for the 120 s grace period")
        let response = try await reading
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello")
    }
}
