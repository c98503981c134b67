import Foundation
import PeerSupport
import PluginKit
import Testing

/// Calls through the API from the platform's report to the log, bad input, idempotent
/// retries, and the live stream.
@Suite("Call actions, bad input, Idempotency-Key and the live stream", .serialized)
struct ActionTests {
    private let telephony = APIHarness.keys["ACME_TELEPHONY"]!

    @Test func aQueueCallIsOfferedAnsweredAndLoggedThroughTheAPI() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            #expect(try await harness.request(.post, "/api/v1/queues/back/login", token: ann).status == 200, "Q-2")
            let arrived = try await harness.request(.post, "/api/v1/telephony/calls", token: telephony, json: #"{"from": "+4791234567", "to": "+4740012000"}"#)
            #expect(arrived.status == 201)
            let call = try #require(harness.object(arrived)["callId"] as? String)
            let active = try await harness.get("/api/v1/active-calls", token: ann)
            let summary = try #require((active["calls"] as? [[String: Any]])?.first)
            let offer = try #require((summary["parties"] as? [[String: Any]])?.first?["leg"] as? String)
            #expect(try await harness.request(.post, "/api/v1/telephony/legs/\(offer)/answered", token: telephony).status == 200)
            let queue = try await harness.get("/api/v1/queues/back", token: ann)
            #expect(queue["membersInCall"] as? Int == 1)
            #expect(try await harness.request(.post, "/api/v1/calls/\(call)/hold", token: ann).status == 200)
            #expect(try await harness.request(.post, "/api/v1/calls/\(call)/resume", token: ann).status == 200)
            #expect(try await harness.request(.post, "/api/v1/calls/\(call)/hangup", token: ann).status == 200)
            let mine = try await harness.get("/api/v1/calls?filter=mine", token: ann)
            let entry = try #require((mine["calls"] as? [[String: Any]])?.first)
            #expect(entry["callId"] as? String == call && entry["answeredBy"] as? String == "ann" && entry["queue"] as? String == "back")
            let ended = try await harness.request(.post, "/api/v1/calls/\(call)/hold", token: ann)
            #expect(ended.status == 409, "an ended call cannot be held")
            #expect(harness.problemType(ended).hasPrefix("engine:"))
        }
    }

    @Test func missedCallsPageWithACursor() async throws {
        try await APIHarness.with { harness in
            for index in 0..<5 {
                let arrived = try await harness.request(
                    .post, "/api/v1/telephony/calls", token: telephony, json: #"{"from": "+479100000\#(index)", "to": "+4740011000"}"#)
                let call = try #require(harness.object(arrived)["callId"] as? String)
                #expect(try await harness.request(.post, "/api/v1/telephony/legs/\(call).0/hangup", token: telephony).status == 200)
            }
            let ann = try await harness.login("+4740010003")
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await harness.get("/api/v1/calls?filter=missed&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: ann)
                seen += (page["calls"] as? [[String: Any]] ?? []).compactMap { $0["callId"] as? String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == ["call-5", "call-4", "call-3", "call-2", "call-1"], "LOG-1: newest first, every missed call once")
            let calledBack = try await harness.request(.post, "/api/v1/calls/call-2/called-back", token: ann)
            #expect(calledBack.status == 200, "LOG-3")
            #expect(try await harness.request(.get, "/api/v1/calls?filter=everything", token: ann).status == 400)
            #expect(try await harness.request(.get, "/api/v1/calls?cursor=!!!", token: ann).status == 400)
        }
    }

    @Test func badInputChangesNothing() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let before = try await harness.get("/api/v1/users/ann/settings", token: ann)
            let cases: [(String, String, Int)] = [
                (#"{"activeDevice": "fax"}"#, "activeDevice", 422),
                (#"{"incoming": {"forwardTo": "not a number"}}"#, "incoming.forwardTo", 422),
                (#"{"incoming": {"ringTimeoutMs": 99999999}}"#, "incoming.ringTimeoutMs", 422),
                (#"{"parallelRinging": "yes", "colour": "red"}"#, "parallelRinging", 422),
            ]
            for (body, field, status) in cases {
                let response = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, json: body)
                #expect(response.status == status, "\(body)")
                let fields = (harness.object(response)["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                #expect(fields.contains(field), "\(body) names \(field): \(fields)")
            }
            let malformed = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, json: "{nope")
            #expect(malformed.status == 400)
            let form = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, headers: ["Content-Type": "text/plain"], body: Array("{}".utf8))
            #expect(form.status == 415)
            #expect(NSDictionary(dictionary: try await harness.get("/api/v1/users/ann/settings", token: ann)) == NSDictionary(dictionary: before))
            let changed = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, json: #"{"parallelRinging": false, "assistant": {"enabled": true}}"#)
            #expect(changed.status == 200)
            let after = try await harness.get("/api/v1/users/ann/settings", token: ann)
            #expect(after["parallelRinging"] as? Bool == false && (after["assistant"] as? [String: Any])?["enabled"] as? Bool == true)
            let status = try await harness.request(.put, "/api/v1/users/ann/status", token: ann, json: #"{"status": "onTheMoon"}"#)
            #expect(status.status == 422, "unknown enum values are refused")
        }
    }

    @Test func profilePicturesMustBeSmallRealImagesPROF1() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            // A real 1×1 PNG (IHDR, IDAT, IEND only, so rebuilt as it is).
            let png = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==").map(Array.init))
            let notImage = try await harness.request(.put, "/api/v1/users/ann/picture", token: ann, headers: ["Content-Type": "image/png"], body: Array("hello, I am text".utf8))
            #expect(notImage.status == 422)
            #expect(harness.problemType(notImage) == "not-an-image")
            let large = try await harness.request(
                .put, "/api/v1/users/ann/picture", token: ann, headers: ["Content-Type": "image/png"], body: png + Array(repeating: 0, count: 600 * 1024))
            #expect(large.status == 413)
            #expect(try await harness.request(.get, "/api/v1/users/ann/picture", token: ann).status == 404, "nothing was stored")
            let other = try await harness.request(.put, "/api/v1/users/bob/picture", token: ann, headers: ["Content-Type": "image/png"], body: png)
            #expect(other.status == 403)
            #expect(try await harness.request(.put, "/api/v1/users/ann/picture", token: ann, headers: ["Content-Type": "image/png"], body: png).status == 204)
            let stored = try await harness.request(.get, "/api/v1/users/ann/picture", token: ann)
            #expect(stored.status == 200 && stored.body == png && stored.headers["Content-Type"] == "image/png")
            #expect(stored.headers["Content-Security-Policy"] == "default-src 'none'; sandbox")
            #expect(stored.headers["X-Content-Type-Options"] == "nosniff")
            let fake = try await harness.request(
                .put, "/api/v1/users/ann/picture", token: ann, headers: ["Content-Type": "image/png"],
                body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64))
            #expect(fake.status == 422 && harness.problemType(fake) == "not-an-image", "a PNG signature on nothing is no PNG")
        }
    }

    @Test func aRetriedRequestWithTheSameKeyActsOnce() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let first = try await harness.request(.post, "/api/v1/comments", token: ann, json: #"{"number": "+4791111111", "text": "Ring back"}"#, headers: ["Idempotency-Key": "retry-1"])
            let second = try await harness.request(.post, "/api/v1/comments", token: ann, json: #"{"number": "+4791111111", "text": "Ring back"}"#, headers: ["Idempotency-Key": "retry-1"])
            #expect(first.status == 201 && second.status == 201)
            #expect(first.body == second.body && second.headers["Idempotent-Replayed"] == "true")
            let comments = try await harness.get("/api/v1/comments?number=%2B4791111111", token: ann)
            #expect((comments["comments"] as? [Any])?.count == 1, "CMT-1: one comment, not two")
            let reused = try await harness.request(.post, "/api/v1/comments", token: ann, json: #"{"number": "+4791111111", "text": "Other"}"#, headers: ["Idempotency-Key": "retry-1"])
            #expect(reused.status == 422)
            #expect(harness.problemType(reused) == "idempotency-key-reused")
        }
    }

    /// A stream that never ended would hold the test until its time limit; no wall-clock
    /// bound beyond that (heartbeats check the session, so the end comes within a few).
    @Test(.timeLimit(.minutes(1)))
    func aStreamEndsWhenItsSessionIsLoggedOut() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let status = try await harness.streamStatus(token: ann) {
                let loggedOut = try await harness.request(.post, "/api/v1/auth/logout", token: ann)
                #expect(loggedOut.status == 204)
            }
            #expect(status == 200, "the stream was served, then ended after the logout")
        }
    }

    @Test func theStreamResumesFromLastEventIDWithHeartbeats() async throws {
        try await APIHarness.with { harness in
            let read = APIHarness.keys["ACME_READ"]!
            for index in 0..<2 {
                _ = try await harness.request(.post, "/api/v1/telephony/calls", token: telephony, json: #"{"from": "+479200000\#(index)", "to": "+4740011000"}"#)
            }
            let all = try await harness.get("/api/v1/events/poll?after=0&timeoutSeconds=0", token: read)
            let polled = all["events"] as? [[String: Any]] ?? []
            let seqs = polled.compactMap { $0["seq"] as? Int }
            #expect(seqs.count >= 4)
            let resumeAfter = seqs[1]
            let port = harness.port
            let (head, text) = try await offPool { () -> (RawResponse, String) in
                let connection = try RawHTTPConnection(port: port)
                try connection.send(
                    "GET /api/v1/events?types=queue.* HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(read)\r\nLast-Event-ID: \(resumeAfter)\r\n\r\n")
                let head = try connection.readResponse(bodyExpected: false)
                var text = ""
                let deadline = Date().addingTimeInterval(5)
                while !text.contains(": heartbeat"), Date() < deadline, let chunk = try connection.nextChunk() {
                    text += String(decoding: chunk, as: UTF8.self)
                }
                return (head, text)
            }
            #expect(head.status == 200 && head.headers["content-type"] == "text/event-stream")
            let ids = text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.compactMap { Int($0.dropFirst(4)) }
            // Exactly the polled queue events after the resume point, in order, none dropped;
            // anything after them is newer than the poll (a timer's events).
            let expected = polled.filter { ($0["seq"] as? Int ?? 0) > resumeAfter && ($0["type"] as? String ?? "").hasPrefix("queue.") }
                .compactMap { $0["seq"] as? Int }
            let types = text.split(separator: "\n").filter { $0.hasPrefix("event: ") }.map { $0.dropFirst(7) }
            #expect(!expected.isEmpty)
            #expect(Array(ids.prefix(expected.count)) == expected, "every event after the resume point: \(ids) against \(expected)")
            #expect(ids.dropFirst(expected.count).allSatisfy { $0 > (seqs.last ?? 0) } && ids == ids.sorted())
            #expect(types.allSatisfy { $0.hasPrefix("queue.") }, "the type filter holds: \(types)")
            #expect(text.contains(": heartbeat"), "a heartbeat comes when nothing happens")
        }
    }
}
