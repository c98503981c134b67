import Foundation
import PluginKit
import Testing

/// Admin endpoints for users, queues and memberships: journaled engine commands, checked
/// against the whole directory, scoped to the admin's company.
@Suite("Directory administration through the API", .serialized)
struct DirectoryAdminTests {
    @Test func anAdminAddsAUserWhoCanLogInAndTakeQueueCalls() async throws {
        try await APIHarness.with { harness in
            let boss = try await harness.login("+4740010001")
            let created = try await harness.request(
                .post, "/api/v1/admin/users", token: boss, json: #"{"id": "cid", "name": "Cid", "mobile": "400 10 009", "department": "Support"}"#)
            #expect(created.status == 201, "\(created.text)")
            #expect(harness.object(created)["role"] as? String == "user")
            #expect(try await harness.request(.put, "/api/v1/admin/queues/back/members/cid", token: boss, json: #"{"priority": 1}"#).status == 200)
            let cid = try await harness.login("+4740010009")
            #expect(try await harness.request(.post, "/api/v1/queues/back/login", token: cid).status == 200)
            let arrived = try await harness.request(
                .post, "/api/v1/telephony/calls", token: APIHarness.keys["ACME_TELEPHONY"]!, json: #"{"from": "+4791234567", "to": "+4740012000"}"#)
            let offered = (harness.object(arrived)["events"] as? [[String: Any]] ?? []).first { $0["type"] as? String == "queue.offer.ringing" }
            #expect((offered?["data"] as? [String: Any])?["user"] as? String == "cid", "the new member is offered the call")
            let busy = try await harness.request(.delete, "/api/v1/admin/users/cid", token: boss)
            #expect(busy.status == 409 && harness.problemType(busy) == "engine:inUse", "a user in a call is not removed")
            #expect(try await harness.request(.post, "/api/v1/telephony/legs/call-1.0/hangup", token: APIHarness.keys["ACME_TELEPHONY"]!).status == 200)
            #expect(try await harness.request(.delete, "/api/v1/admin/users/cid", token: boss).status == 204)
            #expect(try await harness.request(.get, "/api/v1/me", token: cid).status == 401, "a removed user's session ends")
            let again = try await harness.request(.post, "/api/v1/admin/users", token: boss, json: #"{"id": "cid", "name": "Another Cid"}"#)
            #expect(again.status == 201)
            #expect(try await harness.request(.get, "/api/v1/me", token: cid).status == 401, "a new user with the id does not inherit the old one's session")
        }
    }

    @Test func badDirectoryChangesAreRefusedAndChangeNothing() async throws {
        try await APIHarness.with { harness in
            let boss = try await harness.login("+4740010001")
            let before = try await harness.get("/api/v1/users", token: boss)
            let clash = try await harness.request(.post, "/api/v1/admin/users", token: boss, json: #"{"id": "dup", "name": "Dup", "mobile": "+4740010003"}"#)
            #expect(clash.status == 422 && harness.problemType(clash) == "engine:invalidDirectory", "ann has that number")
            let invalid = try await harness.request(.post, "/api/v1/admin/users", token: boss, json: #"{"id": "Bad Id", "role": "owner", "colour": 1}"#)
            #expect(invalid.status == 422)
            let fields = Set((harness.object(invalid)["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["id", "name", "role", "colour"])
            let noNumber = try await harness.request(.post, "/api/v1/admin/queues", token: boss, json: #"{"id": "q2", "name": "Q2"}"#)
            #expect(noNumber.status == 422)
            #expect((harness.object(noNumber)["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } == ["mainNumber"])
            let renamed = try await harness.request(.patch, "/api/v1/admin/users/ann", token: boss, json: #"{"id": "bob", "name": "Ann B"}"#)
            #expect(renamed.status == 422, "an id in a PATCH is an unknown field, not silently ignored")
            let overflowIntoItself = try await harness.request(.patch, "/api/v1/admin/queues/front", token: boss, json: #"{"overflowQueue": "front", "afterMaxWait": "overflow"}"#)
            #expect(overflowIntoItself.status == 422)
            #expect(NSDictionary(dictionary: try await harness.get("/api/v1/users", token: boss)) == NSDictionary(dictionary: before))
            let lead = try await harness.login("+4740010002")
            #expect(try await harness.request(.post, "/api/v1/admin/users", token: lead, json: #"{"id": "x", "name": "X"}"#).status == 403)
            #expect(try await harness.request(.delete, "/api/v1/admin/queues/back", token: APIHarness.keys["ACME_READ"]!).status == 403)
        }
    }

    @Test func emailAddressesAreCheckedAsTheConfigurationChecksThem() async throws {
        try await APIHarness.with { harness in
            let admin = APIHarness.keys["ACME_ADMIN"]!
            func fields(_ response: HTTPClientResponse) -> [String] {
                (harness.object(response)["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            }
            for bad in ["ann", "ann@example", "ann @example.no", "ann@.no", "@example.no", "ann@example.no."] {
                let created = try await harness.request(
                    .post, "/api/v1/admin/users", token: admin, json: #"{"id": "cid", "name": "Cid", "email": "\#(bad)"}"#)
                #expect(created.status == 422 && harness.problemType(created) == "validation-failed", "\(bad): \(created.text)")
                #expect(fields(created) == ["email"], "\(bad): \(created.text)")
                #expect(created.text.contains("is not an email address; expected name@domain"))
                let changed = try await harness.request(.patch, "/api/v1/admin/users/ann", token: admin, json: #"{"email": "\#(bad)"}"#)
                #expect(changed.status == 422 && fields(changed) == ["email"], "\(bad): \(changed.text)")
            }
            #expect(try await harness.request(.get, "/api/v1/users/cid", token: admin).status == 404, "no user was created")
            let good = try await harness.request(.patch, "/api/v1/admin/users/ann", token: admin, json: #"{"email": "ann@example.no"}"#)
            #expect(good.status == 200 && harness.object(good)["email"] as? String == "ann@example.no", "\(good.text)")
            let cleared = try await harness.request(.patch, "/api/v1/admin/users/ann", token: admin, json: #"{"email": null}"#)
            #expect(cleared.status == 200 && !(harness.object(cleared)["email"] is String), "\(cleared.text)")
        }
    }

    @Test func queuesAreCreatedChangedAndRemovedByAnAdminKey() async throws {
        try await APIHarness.with { harness in
            let admin = APIHarness.keys["ACME_ADMIN"]!
            let created = try await harness.request(
                .post, "/api/v1/admin/queues", token: admin, json: #"{"id": "sales", "name": "Salg", "mainNumber": "+4740014000", "ringTimeoutMs": 15000}"#)
            #expect(created.status == 201, "\(created.text)")
            #expect(harness.object(created)["ringTimeoutMs"] as? Int == 15000)
            let changed = try await harness.request(.patch, "/api/v1/admin/queues/sales", token: admin, json: #"{"name": "Sales", "wrapUpMs": 5000}"#)
            #expect(harness.object(changed)["name"] as? String == "Sales" && harness.object(changed)["wrapUpMs"] as? Int == 5000)
            #expect(try await harness.request(.put, "/api/v1/admin/queues/sales/members/bob", token: admin).status == 200)
            let queue = try await harness.get("/api/v1/queues/sales", token: admin)
            #expect((queue["members"] as? [[String: Any]])?.first?["user"] as? String == "bob")
            #expect(try await harness.request(.delete, "/api/v1/admin/queues/sales/members/bob", token: admin).status == 204)
            #expect(try await harness.request(.delete, "/api/v1/admin/queues/sales", token: admin).status == 204)
            #expect(try await harness.request(.get, "/api/v1/queues/sales", token: admin).status == 404)
            let birk = try await harness.login("+4740020001")
            #expect(try await harness.request(.delete, "/api/v1/admin/queues/front/members/ann", token: birk).status == 204, "birk's own front")
            let acmeFront = try await harness.get("/api/v1/queues/front", token: admin)
            #expect((acmeFront["members"] as? [Any])?.count == 4, "birk's admin changed birk's queue, never acme's")
        }
    }
}
