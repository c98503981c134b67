import PeerSupport
import Foundation
import Glibc
import HTTPServer
import PluginKit
import Synchronization
import Testing

/// Records what the server tells a pushed body's subscriber.
private final class RecordingSubscriber: HTTPPushSubscriber {
    let attachedSignal = Signal()
    let endedSignal = Signal()
    private let state = Mutex<(stream: HTTPPushStream?, ends: Int)>((nil, 0))

    var stream: HTTPPushStream? { state.withLock { $0.stream } }
    var ends: Int { state.withLock { $0.ends } }

    func attached(to stream: HTTPPushStream) {
        state.withLock { $0.stream = stream }
        attachedSignal.fire()
    }

    func ended(_ stream: HTTPPushStream) {
        state.withLock { $0.ends += 1 }
        endedSignal.fire()
    }
}

/// Bodies the application pushes (`HTTPResponse.Body.push`): written from any thread straight
/// to the socket while libmicrohttpd holds the connection suspended, on a live loopback socket.
@Suite struct PushStreamTests {
    private func router(_ subscriber: RecordingSubscriber) -> Router {
        var router = Router()
        router.get("/push") { _ in
            HTTPResponse(headers: ["Content-Type": "text/plain"], preamble: Data("hello\n".utf8), subscriber: subscriber)
        }
        router.get("/plain") { _ in HTTPResponse(body: Data("plain".utf8)) }
        return router
    }

    @Test func writesArriveAsChunksAndFinishingKeepsTheConnection() async throws {
        let subscriber = RecordingSubscriber()
        let entries = Recorder<HTTPAccessLogEntry>()
        try await withServer(router(subscriber), accessLog: entries.record) { _, port in
            async let client = offPool { () -> (Int, [String], Int, String) in
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /push HTTP/1.1\r\nHost: test\r\n\r\n")
                let head = try connection.readResponse(bodyExpected: false)
                var chunks: [String] = []
                while let chunk = try connection.nextChunk() { chunks.append(String(decoding: chunk, as: UTF8.self)) }
                // The same connection serves the next request: the body ended properly.
                try connection.send("GET /plain HTTP/1.1\r\nHost: test\r\n\r\n")
                let next = try connection.readResponse()
                return (head.status, chunks, next.status, String(decoding: next.body, as: UTF8.self))
            }
            await subscriber.attachedSignal.wait()
            let stream = try #require(subscriber.stream)
            #expect(stream.isOpen)
            let written = await Task.detached { [stream] in stream.write(Data("one".utf8)) && stream.write(Data("two".utf8)) }.value
            #expect(written)
            stream.finish()
            let (status, chunks, nextStatus, nextBody) = try await client
            #expect(status == 200)
            #expect(chunks == ["hello\n", "one", "two"])
            #expect(nextStatus == 200 && nextBody == "plain")
            await subscriber.endedSignal.wait()
            #expect(subscriber.ends == 1)
            #expect(!stream.isOpen && !stream.write(Data("late".utf8)), "nothing is written after the end")
        }
        #expect(entries.all.first { $0.path == "/push" }?.responseBodyBytes == 12)
    }

    /// A poller that never saw the client go would hold `endedSignal` until the time limit.
    @Test(.timeLimit(.minutes(1)))
    func aClientThatLeavesEndsItsStream() async throws {
        let subscriber = RecordingSubscriber()
        try await withServer(router(subscriber)) { _, port in
            try await offPool {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /push HTTP/1.1\r\nHost: test\r\n\r\n")
                _ = try connection.readResponse(bodyExpected: false)
                _ = try connection.nextChunk()
            }
            // The connection was closed when the client's closure returned.
            await subscriber.attachedSignal.wait()
            await subscriber.endedSignal.wait()
            #expect(subscriber.stream?.write(Data("anyone?".utf8)) == false)
            #expect(subscriber.ends == 1)
        }
    }

    @Test func aBacklogGoesOutInOrderOnceTheClientReads() async throws {
        let subscriber = RecordingSubscriber()
        let clientReads = DispatchSemaphore(value: 0)
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, pushBacklogLimit: 64 << 20)
        // 6 MB in 64 KiB writes, each filled with its own byte: far more than loopback buffers
        // take from a client that does not read.
        let pieces = (0..<96).map { Data(repeating: UInt8($0), count: 64 * 1024) }
        try await withServer(router(subscriber), configuration: configuration) { _, port in
            async let received = offPool { () -> Data in
                let connection = try RawHTTPConnection(port: port, timeoutSeconds: 20)
                try connection.send("GET /push HTTP/1.1\r\nHost: test\r\n\r\n")
                _ = try connection.readResponse(bodyExpected: false)
                clientReads.wait()
                var body = Data()
                while let chunk = try connection.nextChunk() { body.append(chunk) }
                return body
            }
            await subscriber.attachedSignal.wait()
            let stream = try #require(subscriber.stream)
            var largestBacklog = 0
            for piece in pieces {
                #expect(stream.write(piece))
                largestBacklog = max(largestBacklog, stream.backlogBytes)
            }
            stream.finish()
            clientReads.signal()
            let body = try await received
            #expect(largestBacklog > 1 << 20, "the socket did not take everything at once")
            #expect(body == Data("hello\n".utf8) + pieces.reduce(Data(), +), "every byte once, in order")
            await subscriber.endedSignal.wait()
        }
    }

    @Test func aClientFarBehindIsEndedAtTheBacklogLimit() async throws {
        let subscriber = RecordingSubscriber()
        let done = DispatchSemaphore(value: 0)
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, pushBacklogLimit: 256 * 1024)
        try await withServer(router(subscriber), configuration: configuration) { _, port in
            async let client: Void = offPool {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /push HTTP/1.1\r\nHost: test\r\n\r\n")
                _ = try connection.readResponse(bodyExpected: false)
                done.wait()
            }
            await subscriber.attachedSignal.wait()
            let stream = try #require(subscriber.stream)
            let piece = Data(repeating: 65, count: 1 << 20)
            var accepted = 0
            while accepted < 64, stream.write(piece) { accepted += 1 }
            #expect(accepted < 64, "writes stop being accepted once the client is too far behind")
            await subscriber.endedSignal.wait()
            #expect(!stream.isOpen && subscriber.ends == 1)
            done.signal()
            try await client
        }
    }

    @Test func anHTTP10ClientGetsABodyEndedByClosing() async throws {
        let subscriber = RecordingSubscriber()
        try await withServer(router(subscriber)) { _, port in
            async let response = offPool {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /push HTTP/1.0\r\nHost: test\r\n\r\n")
                return try connection.readResponse()
            }
            await subscriber.attachedSignal.wait()
            let stream = try #require(subscriber.stream)
            stream.write(Data("abc".utf8))
            stream.finish()
            let received = try await response
            #expect(received.headers["transfer-encoding"] == nil)
            #expect(String(decoding: received.body, as: UTF8.self) == "hello\nabc", "no chunk framing")
        }
    }

    @Test func shutdownEndsPushedStreamsProperly() async throws {
        let subscriber = RecordingSubscriber()
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, shutdownGracePeriod: .seconds(120)),
            responder: router(subscriber))
        try server.start()
        let port = try #require(server.port)
        async let chunks = offPool { () -> [String] in
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /push HTTP/1.1\r\nHost: test\r\n\r\n")
            _ = try connection.readResponse(bodyExpected: false)
            var chunks: [String] = []
            while let chunk = try connection.nextChunk() { chunks.append(String(decoding: chunk, as: UTF8.self)) }
            return chunks
        }
        await subscriber.attachedSignal.wait()
        subscriber.stream?.write(Data("last".utf8))
        let began = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - began < .seconds(60), "a pushed stream does not hold shutdown for the 120 s grace period")
        #expect(try await chunks == ["hello\n", "last"], "the body ends with its last chunk, not cut off")
        #expect(subscriber.ends == 1)
    }
}
