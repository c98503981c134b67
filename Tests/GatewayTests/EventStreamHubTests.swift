import Foundation
@testable import Gateway
import HTTPServer
import PeerSupport
import PluginKit
import PluginKitTesting
import Storage
import Testing

/// The live stream's hub on a real event log and a real server socket: a client resuming from
/// before the feed's memory catches up from the log, then gets new events from the rounds,
/// each event once and in order, only its company's and only the types it asked for.
@Suite("Event stream hub: catch-up from the log, then live rounds", .serialized)
struct EventStreamHubTests {
    private static func newLog() throws -> EventLog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-hub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try EventLog.open(path: folder.appendingPathComponent("log.sqlite").path)
    }

    /// Appends `count` events, alternating between the two companies, one transaction each.
    private static func append(_ count: Int, to log: EventLog, startingAt first: Int) async throws {
        for index in first..<first + count {
            _ = try await log.append([
                NewEvent(
                    id: "event-\(index)", type: index % 3 == 0 ? "queue.caller.joined" : "call.incoming",
                    tenant: index % 2 == 0 ? "acme" : "birk", occurredAt: Date())
            ])
        }
    }

    /// Reads the stream until an event with seq `last` arrived (or 10 s passed): the ids in
    /// order.
    private static func read(port: Int, path: String, until last: Int, ready: DispatchSemaphore) throws -> [Int] {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("GET \(path) HTTP/1.1\r\nHost: test\r\n\r\n")
        _ = try connection.readResponse(bodyExpected: false)
        ready.signal()
        var ids: [Int] = []
        var text = ""
        while ids.last.map({ $0 < last }) ?? true, let chunk = try connection.nextChunk() {
            text += String(decoding: chunk, as: UTF8.self)
            while let end = text.range(of: "\n\n") {
                let frame = text[..<end.lowerBound]
                text = String(text[end.upperBound...])
                if let line = frame.split(separator: "\n").first(where: { $0.hasPrefix("id: ") }), let id = Int(line.dropFirst(4)) {
                    ids.append(id)
                }
            }
        }
        return ids
    }

    @Test func aClientFromBeforeTheFeedsMemoryCatchesUpThenGoesLive() async throws {
        let log = try Self.newLog()
        try await Self.append(60, to: log, startingAt: 1)
        // Memory for 8 events: the 60 already in the log are only in the log.
        let feed = EventFeed(log: log, capacity: 8)
        let work = BackgroundWork()
        let catchingUp = RunningService(work)
        let hub = EventStreamHub(feed: feed, work: work, heartbeat: .seconds(30))
        hub.start()
        let following = Task { await feed.followLog() }
        var router = Router()
        router.get("/events") { request in
            let types = request.queryValue("types").map { [$0] } ?? []
            let client = EventStreamClient(
                hub: hub, visibility: StreamVisibility(tenant: "acme", user: nil, role: nil, types: types),
                after: Int64(request.queryValue("after") ?? "0") ?? 0, stillAllowed: { true })
            return HTTPResponse(headers: ["Content-Type": "text/event-stream"], preamble: client.preamble, subscriber: client)
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router)
        try server.start()
        let port = try #require(server.port)
        let ready = DispatchSemaphore(value: 0)
        async let everything = offPool { try Self.read(port: port, path: "/events?after=0", until: 120, ready: ready) }
        async let queueEvents = offPool { try Self.read(port: port, path: "/events?after=10&types=queue.*", until: 120, ready: ready) }
        try await offPool {
            ready.wait()
            ready.wait()
        }
        // 60 more while the clients are connected, more than the memory holds at once.
        try await Self.append(60, to: log, startingAt: 61)
        let all = try await everything
        let queue = try await queueEvents
        #expect(all == Array(stride(from: 2, through: 120, by: 2)), "every acme event once, in order: \(all)")
        #expect(queue == Array(stride(from: 12, through: 120, by: 6)), "acme's queue.* events after 10: \(queue)")
        await server.shutdown()
        hub.stop()
        following.cancel()
        await following.value
        await catchingUp.stop()
    }
}
