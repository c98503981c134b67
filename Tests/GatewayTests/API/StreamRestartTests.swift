import Foundation
import PeerSupport
import PluginKit
import Synchronization
import Testing

/// Resuming the event stream across a gateway restart (issue 18): a new gateway on the same
/// data directory serves a client that comes back with the last id it saw exactly the events
/// after it — those logged before the restart that the client missed, then the new ones.
@Suite("Last-Event-ID after a gateway restart", .serialized)
struct StreamRestartTests {
    private let read = APIHarness.keys["ACME_READ"]!
    private let telephony = APIHarness.keys["ACME_TELEPHONY"]!

    /// A call from `from` to the front queue that the caller gives up on; returns its id and
    /// the (seq, type) of the events the two actions answered with.
    private func abandonedCall(_ harness: APIHarness, from: String) async throws -> (call: String, events: [Seen]) {
        let arrived = try await harness.request(.post, "/api/v1/telephony/calls", token: telephony, json: #"{"from": "\#(from)", "to": "+4740011000"}"#)
        let call = try #require(harness.object(arrived)["callId"] as? String)
        let hungUp = try await harness.request(.post, "/api/v1/telephony/legs/\(call).0/hangup", token: telephony)
        #expect(arrived.status == 201 && hungUp.status == 200)
        let events = [arrived, hungUp].flatMap { harness.object($0)["events"] as? [[String: Any]] ?? [] }
        return (call, events.map(Seen.init))
    }

    /// Guards Last-Event-ID across a restart: the client saw the log up to the end of the
    /// second call, then a third call was logged and the gateway stopped. On the new gateway,
    /// before anything new happens, the poll from that last id answers the third call's
    /// events, and the stream resumed with it sends them and then, live, a fourth call's: in
    /// order, none missing, none repeated, nothing older.
    @Test(.timeLimit(.minutes(1)))
    func theStreamResumesExactlyAfterTheLastIDSeenBeforeARestart() async throws {
        try await APIHarness.with { first in
            var seenByClient: [Seen] = []
            for index in 1...2 {
                let (call, _) = try await abandonedCall(first, from: "+479300000\(index)")
                seenByClient = try await first.pollEvents(after: 0, token: read) { Self.ended(call, in: $0) }.events.map(Seen.init)
            }
            let lastSeen = try #require(seenByClient.last?.seq)
            let (missedCall, _) = try await abandonedCall(first, from: "+4793000003")
            let beforeRestart = try await first.pollEvents(after: 0, token: read) { Self.ended(missedCall, in: $0) }.events.map(Seen.init)
            let missed = beforeRestart.filter { $0.seq > lastSeen }
            #expect(!missed.isEmpty && missed.allSatisfy { $0.call == missedCall }, "the client missed the third call, and only it: \(missed)")

            try await first.afterRestart { second in
                // Everything missed was committed before this gateway started, so one poll
                // that does not wait must answer all of it.
                let polled = try await second.get("/api/v1/events/poll?after=\(lastSeen)&timeoutSeconds=0", token: read)
                let polledEvents = (polled["events"] as? [[String: Any]] ?? []).map(Seen.init)
                #expect(polledEvents == missed, "the poll from the last id seen, before anything new")
                var newEvents: [Seen] = []
                let resumed = try await Self.streamed(port: second.port, token: read, lastEventID: lastSeen) {
                    newEvents = try await abandonedCall(second, from: "+4793000004").events
                    return try #require(newEvents.last?.seq)
                }
                #expect(!newEvents.isEmpty && newEvents.allSatisfy { $0.seq > (beforeRestart.last?.seq ?? 0) }, "the new gateway reuses no event id")
                let expected = missed + newEvents
                #expect(resumed == expected.map { [String($0.seq), $0.type] }, "exactly the events after \(lastSeen)")
            }
        }
    }

    /// Whether `events` hold `call`'s `call.ended`.
    private static func ended(_ call: String, in events: [[String: Any]]) -> Bool {
        events.contains { $0["type"] as? String == "call.ended" && $0["callId"] as? String == call }
    }

    /// The (id, event type) of every frame of `GET /events` resumed with `Last-Event-ID`:
    /// once the stream is served (its preamble has come), `action` runs and returns the id of
    /// the last event awaited; frames are read until that event and a heartbeat after it have
    /// come (so a repeat or a stray event after it would be seen too).
    private static func streamed(
        port: Int, token: String, lastEventID: Int, whileServed action: () async throws -> Int
    ) async throws -> [[String]] {
        let served = DispatchSemaphore(value: 0)
        let awaited = Mutex<Int?>(nil)
        let reading = Task {
            try await offPool { () -> [[String]] in
                let connection = try RawHTTPConnection(port: port, timeoutSeconds: 30)
                try connection.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nLast-Event-ID: \(lastEventID)\r\n\r\n")
                let head = try connection.readResponse(bodyExpected: false)
                served.signal()
                guard head.status == 200 else { throw HarnessError("the stream answered \(head.status)") }
                var frames: [[String]] = []
                var text = ""
                var done = false
                while !done, let chunk = try connection.nextChunk() {
                    text += String(decoding: chunk, as: UTF8.self)
                    while let end = text.range(of: "\n\n") {
                        let lines = text[..<end.lowerBound].split(separator: "\n")
                        text = String(text[end.upperBound...])
                        if lines.contains(": heartbeat"), let last = awaited.withLock({ $0 }), frames.contains(where: { $0.first == String(last) }) {
                            done = true
                        }
                        guard let id = lines.first(where: { $0.hasPrefix("id: ") }), let type = lines.first(where: { $0.hasPrefix("event: ") }) else { continue }
                        frames.append([String(id.dropFirst(4)), String(type.dropFirst(7))])
                    }
                }
                return frames
            }
        }
        try await offPool { served.wait() }
        let last = try await action()
        awaited.withLock { $0 = last }
        return try await reading.value
    }
}

/// An event as the client saw it: its log position, type and call.
private struct Seen: Equatable, CustomStringConvertible {
    let seq: Int
    let type: String
    let call: String?

    init(_ event: [String: Any]) {
        seq = event["seq"] as? Int ?? -1
        type = event["type"] as? String ?? ""
        call = event["callId"] as? String
    }

    var description: String { "\(seq) \(type) \(call ?? "")" }
}
