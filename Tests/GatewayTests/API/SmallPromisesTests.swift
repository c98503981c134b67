import Foundation
import PeerSupport
import PluginKit
import Testing

/// The smaller promises of the hardening review (issue 11, item 7), through the API.
@Suite("Hardening: the smaller promises", .serialized)
struct SmallPromisesTests {
    @Test func aRepeatedKeyCreationAnswersTheFirstKeysMetadataWithoutASecondKey() async throws {
        try await APIHarness.with { harness in
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            let body = #"{"name": "crm", "scopes": ["read"]}"#
            let first = try await harness.request(.post, "/api/v1/admin/api-keys", token: admin, json: body, headers: ["Idempotency-Key": "make-crm"])
            #expect(first.status == 201)
            let secret = try #require(harness.object(first)["key"] as? String)
            let id = try #require(harness.object(first)["id"] as? String)
            let again = try await harness.request(.post, "/api/v1/admin/api-keys", token: admin, json: body, headers: ["Idempotency-Key": "make-crm"])
            #expect(again.status == 201)
            #expect(again.headers["Idempotent-Replayed"] == "true")
            #expect(harness.object(again)["id"] as? String == id)
            #expect(harness.object(again)["key"] == nil, "the secret is never shown again")
            #expect(!again.text.contains(secret))
            let listed = try await harness.get("/api/v1/admin/api-keys", token: admin)
            let made = (listed["keys"] as? [[String: Any]] ?? []).filter { $0["source"] as? String == "api" && $0["revokedAt"] == nil }
            #expect(made.count == 1, "one live key, not two: \(made)")
            #expect(try await harness.request(.get, "/api/v1/queues", token: secret).status == 200)
        }
    }

    @Test func aBodyWithARepeatedKeyIsRefusedAndChangesNothing() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let before = try await harness.request(.get, "/api/v1/users/ann/settings", token: ann)
            let repeated = try await harness.request(
                .patch, "/api/v1/users/ann/settings", token: ann, json: #"{"parallelRinging": true, "parallelRinging": false}"#)
            #expect(repeated.status == 400)
            #expect(harness.problemType(repeated) == "malformed-json")
            #expect((harness.object(repeated)["detail"] as? String)?.contains("parallelRinging") == true)
            let escaped = try await harness.request(
                .patch, "/api/v1/users/ann/settings", token: ann,
                json: #"{"incoming": {"voicemailOnNoAnswer": true, "voicemail\u004FnNoAnswer": false}}"#)
            #expect(escaped.status == 400, "keys are compared unescaped")
            #expect((harness.object(escaped)["detail"] as? String)?.contains("incoming.voicemailOnNoAnswer") == true)
            let after = try await harness.request(.get, "/api/v1/users/ann/settings", token: ann)
            #expect(after.body == before.body, "nothing changed")
            let distinct = try await harness.request(
                .patch, "/api/v1/users/ann/settings", token: ann, json: #"{"parallelRinging": true, "incoming": {"voicemailOnNoAnswer": true}}"#)
            #expect(distinct.status == 200, "the same key in different objects is fine: \(distinct.text)")
        }
    }

    @Test func theVersionTellsLibrariesOnlyToACallerWithAToken() async throws {
        try await APIHarness.with { harness in
            let anonymous = try await harness.request(.get, "/api/v1/version")
            #expect(anonymous.status == 200)
            #expect(harness.object(anonymous)["version"] is String)
            #expect(harness.object(anonymous)["libraries"] == nil)
            let wrong = try await harness.request(.get, "/api/v1/version", token: "sbk_not-a-key")
            #expect(harness.object(wrong)["libraries"] == nil)
            let read = try await harness.request(.get, "/api/v1/version", token: APIHarness.keys["ACME_READ"])
            let libraries = try #require(harness.object(read)["libraries"] as? [String: String])
            #expect(libraries["sqlite"] != nil)
        }
    }

    @Test func everyAnswerForbidsSniffing() async throws {
        try await APIHarness.with { harness in
            for (path, token) in [("/healthz", nil), ("/api/v1/queues", APIHarness.keys["ACME_READ"]), ("/api/v1/nowhere", nil), ("/api/v1/queues", nil)] {
                let answer = try await harness.request(.get, path, token: token)
                #expect(answer.headers["X-Content-Type-Options"] == "nosniff", "\(path) \(answer.status)")
            }
        }
    }
}

/// Live streams are limited per caller and per company (issue 11, item 7).
@Suite("Live stream limits", .serialized)
struct StreamLimitTests {
    @Test func aCallerPastItsStreamsGetsAClearProblemAndAClosedStreamGivesItsPlaceBack() async throws {
        try await APIHarness.with(server: "streams_per_caller = 2\nstreams_per_company = 3") { harness in
            let port = harness.port
            let read = try #require(APIHarness.keys["ACME_READ"])
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            @Sendable func open(_ key: String) throws -> (connection: RawHTTPConnection, response: RawResponse) {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /api/v1/events HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer \(key)\r\n\r\n")
                return (connection, try connection.readResponse(bodyExpected: false))
            }
            let statuses = try await offPool { () -> [Int] in
                var kept: [RawHTTPConnection] = []
                var statuses: [Int] = []
                for key in [read, read, read, admin, admin] {
                    let opened = try open(key)
                    statuses.append(opened.response.status)
                    if opened.response.status == 200 { kept.append(opened.connection) }
                }
                // The first stream ends; its place comes back once the server has seen it go.
                kept.removeFirst()
                var again = 0
                for _ in 0..<200 where again != 200 {
                    again = try open(read).response.status
                    if again != 200 { usleep(25_000) }
                }
                statuses.append(again)
                return statuses
            }
            #expect(statuses == [200, 200, 429, 200, 429, 200], "two per caller, three per company, then a place given back")
        }
    }
}
