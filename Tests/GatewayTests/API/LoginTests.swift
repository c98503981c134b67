import Foundation
import Gateway
import PluginKit
import Storage
import Testing

/// LOGIN-1, LOGIN-2 through the API: one-time codes, sessions, logout, and the bad cases.
@Suite("Login with a one-time code (LOGIN-1, LOGIN-2)", .serialized)
struct LoginTests {
    @Test func theRightCodeGivesASessionThatLogoutRevokes() async throws {
        try await APIHarness.with() { harness in
            let token = try await harness.login("+4740010003")
            #expect(token.hasPrefix("sbs_") && token.count > 40)
            let me = try await harness.request(.get, "/api/v1/me", token: token)
            #expect(me.status == 200)
            #expect((harness.object(me)["user"] as? [String: Any])?["id"] as? String == "ann")
            #expect(harness.object(me)["tenant"] as? String == "acme")
            let logout = try await harness.request(.post, "/api/v1/auth/logout", token: token)
            #expect(logout.status == 204)
            let after = try await harness.request(.get, "/api/v1/me", token: token)
            #expect(after.status == 401)
            #expect(harness.problemType(after) == "unauthenticated")
            #expect(!harness.logs.records.contains { "\($0.message) \($0.metadata)".contains(token) }, "the token never appears in the log")
        }
    }

    @Test func wrongCodesCountDownAndVoidTheCode() async throws {
        try await APIHarness.with() { harness in
            let challenge = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "400 10 004"}"#)
            let id = try #require(harness.object(challenge)["challengeId"] as? String)
            let code = try await harness.nextCode(after: 0)
            let wrong = code == "000000" ? "111111" : "000000"
            for left in (0..<5).reversed() {
                let attempt = try await harness.request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "\#(id)", "code": "\#(wrong)"}"#)
                #expect(attempt.status == 401)
                #expect(harness.object(attempt)["attemptsLeft"] as? Int == left)
            }
            let right = try await harness.request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "\#(id)", "code": "\#(code)"}"#)
            #expect(right.status == 401, "after five wrong codes even the right one is refused")
            #expect(harness.problemType(right) == "too-many-attempts")
        }
    }

    @Test func concurrentGuessesShareTheFiveAttempts() async throws {
        try await APIHarness.with { harness in
            let challenge = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010004"}"#)
            let id = try #require(harness.object(challenge)["challengeId"] as? String)
            let code = try await harness.nextCode(after: 0)
            let statuses = try await withThrowingTaskGroup(of: String.self) { group in
                for guess in 0..<20 {
                    let wrong = String(format: "%06d", (Int(code)! + 1 + guess) % 1_000_000)
                    group.addTask { harness.problemType(try await harness.request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "\#(id)", "code": "\#(wrong)"}"#)) }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            // Five attempts are compared, whatever the interleaving: four are invalid codes, the
            // fifth uses the last attempt up (too-many-attempts, as every guess after it), and
            // nothing else (no 5xx) comes back.
            #expect(statuses.count == 20)
            #expect(statuses.count { $0 == "invalid-code" } == 4, "\(statuses)")
            #expect(statuses.count { $0 == "too-many-attempts" } == 16, "\(statuses)")
            let right = try await harness.request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "\#(id)", "code": "\#(code)"}"#)
            #expect(right.status == 401 && harness.problemType(right) == "too-many-attempts")
        }
    }

    @Test func aCodeLogsInOnce() async throws {
        try await APIHarness.with() { harness in
            let challenge = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010001"}"#)
            let id = try #require(harness.object(challenge)["challengeId"] as? String)
            let code = try await harness.nextCode(after: 0)
            let body = #"{"challengeId": "\#(id)", "code": "\#(code)"}"#
            #expect(try await harness.request(.post, "/api/v1/auth/verify", json: body).status == 200)
            let replay = try await harness.request(.post, "/api/v1/auth/verify", json: body)
            #expect(replay.status == 401)
            #expect(harness.problemType(replay) == "code-used")
        }
    }

    @Test func anUnknownNumberLooksLikeAKnownOneButNeverLogsIn() async throws {
        try await APIHarness.with() { harness in
            let known = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010002"}"#)
            _ = try await harness.nextCode(after: 0)
            let sentBefore = harness.codesLogged
            let unknown = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4799999999"}"#)
            #expect(known.status == 202 && unknown.status == 202)
            #expect(Set(harness.object(known).keys) == Set(harness.object(unknown).keys))
            let id = try #require(harness.object(unknown)["challengeId"] as? String)
            // The stranger's challenge belongs to no user, so there is nothing to send a code to
            // (the sender is only started for a user's challenge, before the answer).
            let owner = try await harness.service.storage.database.access { database -> String? in
                let select = try database.prepare("SELECT tenant || '/' || user_id FROM login_challenge WHERE id = ?")
                try select.bind([.text(id)])
                return try select.step() ? select.string(at: 0) : nil
            }
            #expect(owner == "/", "the challenge exists and names no one")
            // A code asked for later arrives; none ever went to the stranger's number.
            _ = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003"}"#)
            _ = try await harness.nextCode(after: sentBefore)
            #expect(!harness.logs.records.contains { $0.message.hasPrefix("login code") && $0.metadata["to"]?.hasSuffix("99") == true },
                "no code is sent to a stranger")
            for code in ["000000", "123456"] {
                let attempt = try await harness.request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "\#(id)", "code": "\#(code)"}"#)
                #expect(attempt.status == 401)
                #expect(harness.problemType(attempt) == "invalid-code")
            }
        }
    }

    @Test func codesToOneNumberAreRateLimited() async throws {
        try await APIHarness.with(extra: "[auth]\ncodes_per_number_per_hour = 3") { harness in
            for _ in 0..<3 {
                #expect(try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003"}"#).status == 202)
            }
            let limited = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003"}"#)
            #expect(limited.status == 429)
            #expect(harness.problemType(limited) == "rate-limited")
            #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 > 0)
            #expect(try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010004"}"#).status == 202, "other numbers still get codes")
        }
    }

    @Test func badLoginInputIsAPreciseProblem() async throws {
        try await APIHarness.with() { harness in
            let notANumber = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "call me maybe"}"#)
            #expect(notANumber.status == 422)
            let errors = harness.object(notANumber)["errors"] as? [[String: Any]] ?? []
            #expect(errors.first?["field"] as? String == "phone")
            let channel = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003", "channel": "pigeon", "extra": 1}"#)
            #expect(channel.status == 422)
            #expect(Set((harness.object(channel)["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }) == ["channel", "extra"])
            let malformed = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+47400"#)
            #expect(malformed.status == 400)
            #expect(harness.problemType(malformed) == "malformed-json")
            #expect((harness.object(malformed)["detail"] as? String)?.hasPrefix("The body is not valid JSON") == true)
            // JSON no value can hold (a number out of range) names the field, not a Swift type.
            let outOfRange = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": 1e999}"#)
            #expect(outOfRange.status == 400)
            #expect(harness.object(outOfRange)["detail"] as? String == "The body is not valid JSON: the value at phone cannot be read.")
            let shortCode = try await harness.request(.post, "/api/v1/auth/verify", json: #"{"challengeId": "x", "code": "12"}"#)
            #expect(shortCode.status == 422)
        }
    }
}
