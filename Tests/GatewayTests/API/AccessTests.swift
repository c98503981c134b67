import Foundation
import PluginKit
import Testing

/// LOGIN-3: roles and scopes on every route, and one company never sees another's data.
@Suite("Roles, scopes and tenant isolation (LOGIN-3)", .serialized)
struct AccessTests {
    private let acmeRead = APIHarness.keys["ACME_READ"]!
    private let acmeTelephony = APIHarness.keys["ACME_TELEPHONY"]!
    private let birkTelephony = APIHarness.keys["BIRK_TELEPHONY"]!

    @Test func aCompanyGets404ForEverythingOfAnother() async throws {
        try await APIHarness.with { harness in
            // birk has calls, a comment and events; acme has none of them.
            for _ in 0..<3 {
                let arrived = try await harness.request(
                    .post, "/api/v1/telephony/calls", token: birkTelephony, json: #"{"from": "+4791111111", "to": "+4740021000"}"#)
                #expect(arrived.status == 201)
            }
            let birkBoss = try await harness.login("+4740020001")
            #expect(try await harness.request(.post, "/api/v1/comments", token: birkBoss, json: #"{"number": "+4791111111", "text": "VIP"}"#).status == 201)
            let acmeBoss = try await harness.login("+4740010001")
            for token in [acmeBoss, acmeRead] {
                let sameName = try await harness.get("/api/v1/users/boss", token: token)
                #expect((sameName["name"] as? String)?.contains("Acme") == true, "a user id both companies use is the caller's own")
                for path in [
                    "/api/v1/calls/call-3", "/api/v1/users/bjorn", "/api/v1/users/bjorn/settings", "/api/v1/users/bjorn/picture",
                    "/api/v1/queues/birk-desk",
                ] {
                    let response = try await harness.request(.get, path, token: token)
                    #expect(response.status == 404, "\(path)")
                    #expect(!response.text.contains("Birk AS") && !response.text.contains("+4740020005"), "the answer names only what was asked")
                }
                let comments = try await harness.get("/api/v1/comments?number=%2B4791111111", token: token)
                #expect((comments["comments"] as? [Any])?.isEmpty == true)
                let waiting = try await harness.get("/api/v1/waiting-calls", token: token)
                #expect((waiting["calls"] as? [Any])?.isEmpty == true)
                let log = try await harness.get("/api/v1/calls", token: token)
                #expect((log["calls"] as? [Any])?.isEmpty == true)
                let events = try await harness.get("/api/v1/events/poll?after=0&timeoutSeconds=0&limit=1000", token: token)
                let tenants = Set((events["events"] as? [[String: Any]] ?? []).compactMap { $0["tenant"] as? String })
                #expect(tenants.isSubset(of: ["acme"]), "the stream carries only the caller's company")
            }
            let acting = try await harness.request(.post, "/api/v1/calls/call-1/hangup", token: acmeBoss)
            #expect(acting.status == 404, "birk's call-1 cannot be touched from acme")
            let acmeAdmin = APIHarness.keys["ACME_ADMIN"]!
            for token in [acmeBoss, acmeAdmin] {
                #expect(try await harness.request(.patch, "/api/v1/admin/users/bjorn", token: token, json: #"{"name": "Taken"}"#).status == 404)
                #expect(try await harness.request(.delete, "/api/v1/admin/users/bjorn", token: token).status == 404)
                #expect(try await harness.request(.delete, "/api/v1/admin/queues/birk-desk", token: token).status == 404)
                #expect(try await harness.request(.put, "/api/v1/admin/queues/birk-desk/members/bjorn", token: token).status == 404)
                #expect(try await harness.request(.post, "/api/v1/queues/birk-desk/login", token: acmeBoss).status == 404)
            }
            let bjorn = try await harness.get("/api/v1/users/bjorn", token: birkBoss)
            #expect(bjorn["name"] as? String == "Bjorn Birk AS", "nothing of birk's changed")
            #expect(try await harness.request(.get, "/api/v1/queues/birk-desk", token: birkBoss).status == 200)
            let birkEvents = try await harness.get("/api/v1/events/poll?after=0&timeoutSeconds=0&limit=1000", token: birkBoss)
            let types = (birkEvents["events"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types.contains("call.incoming") && !types.contains("engine.command"), "the journal stays internal")
        }
    }

    @Test func rolesDecideWhoChangesWhatDIR5() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let lead = try await harness.login("+4740010002")
            let busy = #"{"status": "busy"}"#
            let own = try await harness.request(.put, "/api/v1/users/ann/status", token: ann, json: busy)
            #expect(own.status == 200, "AV-1: a user sets their own status")
            let other = try await harness.request(.put, "/api/v1/users/bob/status", token: ann, json: busy)
            #expect(other.status == 403)
            #expect(harness.problemType(other) == "engine:notAuthorized")
            let bob = try await harness.get("/api/v1/users/bob", token: ann)
            #expect((bob["availability"] as? [String: Any])?["status"] as? String == "available", "a refused change changes nothing")
            #expect(try await harness.request(.put, "/api/v1/users/bob/status", token: lead, json: busy).status == 200, "DIR-5: a team leader may")
            let keys = try await harness.request(.get, "/api/v1/admin/api-keys", token: ann)
            #expect(keys.status == 403)
            #expect(harness.problemType(keys) == "forbidden")
        }
    }

    @Test func scopesLimitWhatAKeyMayDo() async throws {
        try await APIHarness.with { harness in
            #expect(try await harness.request(.get, "/api/v1/queues", token: acmeRead).status == 200)
            let readActs = try await harness.request(.post, "/api/v1/queues/front/login", token: acmeRead)
            #expect(readActs.status == 403, "a read key cannot act as a user")
            let readReports = try await harness.request(.post, "/api/v1/telephony/calls", token: acmeRead, json: #"{"from": "+4791111111", "to": "+4740011000"}"#)
            #expect(readReports.status == 403)
            let telephonyReads = try await harness.request(.get, "/api/v1/users", token: acmeTelephony)
            #expect(telephonyReads.status == 403, "the platform's key reads nothing")
            let admin = try await harness.request(.get, "/api/v1/admin/api-keys", token: APIHarness.keys["ACME_ADMIN"]!)
            #expect(admin.status == 200)
            #expect(!admin.text.contains(APIHarness.keys["ACME_ADMIN"]!), "a key list never shows a key")
            for token in ["", "nonsense", "sbs_" + String(repeating: "A", count: 43)] {
                let response = try await harness.request(.get, "/api/v1/queues", token: token.isEmpty ? nil : token)
                #expect(response.status == 401)
                #expect(response.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test func theAuthorizationHeaderIsReadAsBearerToken() async throws {
        try await APIHarness.with { harness in
            for (header, status) in [
                ("Bearer \(acmeRead)", 200), ("bEaReR \(acmeRead)", 200), ("Bearer   \(acmeRead)\t", 200),
                ("Bearer", 401), ("Bearer\t\(acmeRead)", 401), ("Basic \(acmeRead)", 401), ("Bearer \(acmeRead) x", 401),
                ("Bearer " + String(repeating: "a", count: 513), 401),
            ] {
                let response = try await harness.request(.get, "/api/v1/queues", headers: ["Authorization": header])
                #expect(response.status == status, "\(header.prefix(20))")
            }
        }
    }

    @Test func keysCreatedByAnAdminWorkUntilRevoked() async throws {
        try await APIHarness.with { harness in
            let boss = try await harness.login("+4740010001")
            let created = try await harness.request(.post, "/api/v1/admin/api-keys", token: boss, json: #"{"name": "crm", "scopes": ["read"]}"#)
            #expect(created.status == 201)
            let key = try #require(harness.object(created)["key"] as? String)
            let id = try #require(harness.object(created)["id"] as? String)
            #expect(try await harness.request(.get, "/api/v1/queues", token: key).status == 200)
            let listed = try await harness.get("/api/v1/admin/api-keys", token: boss)
            #expect((listed["keys"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == id })
            let birkBoss = try await harness.login("+4740020001")
            #expect(try await harness.request(.delete, "/api/v1/admin/api-keys/\(id)", token: birkBoss).status == 404, "another company cannot revoke it")
            #expect(try await harness.request(.delete, "/api/v1/admin/api-keys/\(id)", token: boss).status == 204)
            #expect(try await harness.request(.get, "/api/v1/queues", token: key).status == 401)
            let badScope = try await harness.request(.post, "/api/v1/admin/api-keys", token: boss, json: #"{"name": "x", "scopes": ["root"]}"#)
            #expect(badScope.status == 422)
        }
    }
}
