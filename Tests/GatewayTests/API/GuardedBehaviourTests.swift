import Foundation
import PluginKit
import Testing

/// Behaviours no test guarded before (issue 18): DIR-1 search through the API, and how far an
/// `Idempotency-Key` reaches (per caller, per request).
@Suite("DIR-1 search and Idempotency-Key scope through the API", .serialized)
struct GuardedBehaviourTests {
    private func ids(_ harness: APIHarness, _ path: String, token: String) async throws -> [String] {
        let list = try await harness.get(path, token: token)
        return (list["users"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.sorted()
    }

    @Test func directorySearchFindsByNameNumberAndQueueInTheCallersCompanyOnly() async throws {
        try await APIHarness.with { harness in
            let acme = try #require(APIHarness.keys["ACME_READ"])
            let birk = try #require(APIHarness.keys["BIRK_READ"])
            #expect(try await ids(harness, "/api/v1/users?q=ann", token: acme) == ["ann"])
            #expect(try await ids(harness, "/api/v1/users?q=ANN", token: acme) == ["ann"], "case does not matter")
            #expect(try await ids(harness, "/api/v1/users?q=10003", token: acme) == ["ann"], "by the digits of her mobile")
            #expect(try await ids(harness, "/api/v1/users?q=400%2010%20003", token: acme) == ["ann"], "by a number as people write it")
            #expect(try await ids(harness, "/api/v1/users?q=03", token: acme) == [], "two digits are too few to search numbers by")
            #expect(try await ids(harness, "/api/v1/users?queue=back", token: acme) == ["ann"])
            #expect(try await ids(harness, "/api/v1/users?q=ada", token: acme) == ["ada"])
            #expect(try await ids(harness, "/api/v1/users?q=ada", token: birk) == [], "another company's users are not found")
            #expect(try await ids(harness, "/api/v1/users?q=10003", token: birk) == [], "nor by number")
        }
    }

    @Test func anIdempotencyKeyIsTheCallersAndTheRequests() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let bob = try await harness.login("+4740010004")
            let comment = #"{"number": "+4791212121", "text": "Ring tilbake"}"#
            let byAnn = try await harness.request(.post, "/api/v1/comments", token: ann, json: comment, headers: ["Idempotency-Key": "same"])
            let byBob = try await harness.request(.post, "/api/v1/comments", token: bob, json: comment, headers: ["Idempotency-Key": "same"])
            #expect(byAnn.status == 201 && byBob.status == 201)
            #expect(byBob.headers["Idempotent-Replayed"] == nil, "another caller's key is another key")
            let comments = try await harness.get("/api/v1/comments?number=%2B4791212121", token: ann)
            #expect((comments["comments"] as? [Any])?.count == 2, "each caller's request acted")
            let otherPath = try await harness.request(
                .put, "/api/v1/users/ann/status", token: ann, json: #"{"status": "inMeeting"}"#, headers: ["Idempotency-Key": "same"])
            #expect(otherPath.status == 422 && harness.problemType(otherPath) == "idempotency-key-reused", "the same key on another path")
            let me = try await harness.get("/api/v1/users/ann", token: ann)
            let status = try #require((me["availability"] as? [String: Any])?["status"] as? String)
            #expect(status == "available", "and it did not act")
        }
    }
}
