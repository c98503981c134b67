import Foundation
import Gateway
import PluginKit
import Testing

/// The seams a plugin kind builds on, through a plugin of the test target (``NotesPluginFactory``):
/// its table, its routes behind the gateway's authentication and access checks, a notification
/// for one user on the stream, and what it may not reach.
@Suite("Plugin seams: a third party's table, routes and events", .serialized)
struct PluginSeamTests {
    static let factories: [any PluginFactory] = PluginRegistry.builtIn + [NotesPluginFactory()]

    @Test func aPluginsRouteWritesItsTableAndEmitsANotificationOnlyItsAddresseeSees() async throws {
        try await APIHarness.with(factories: Self.factories) { harness in
            let ann = try await harness.login("+4740010003")
            let bob = try await harness.login("+4740010004")
            let lead = try await harness.login("+4740010002")
            let read = try #require(APIHarness.keys["ACME_READ"])

            let anonymous = try await harness.request(.post, "/api/v1/notes", json: #"{"about": "bob", "text": "Ring Kari"}"#)
            #expect(anonymous.status == 401, "the gateway authenticates a plugin's route")
            let byKey = try await harness.request(.post, "/api/v1/notes", token: read, json: #"{"about": "bob", "text": "Ring Kari"}"#)
            #expect(byKey.status == 403, "a .user route is for logged-in users")
            let invalid = try await harness.request(.post, "/api/v1/notes", token: ann, json: #"{"about": "Bob!", "text": ""}"#)
            #expect(invalid.status == 422)
            #expect(invalid.text.contains("urn:sentralbord:problem:validation-failed") && invalid.text.contains("about"))

            let created = try await harness.request(
                .post, "/api/v1/notes", token: ann, json: #"{"about": "bob", "text": "Ring Kari"}"#, headers: ["Idempotency-Key": "note-1"])
            #expect(created.status == 201)
            let retried = try await harness.request(
                .post, "/api/v1/notes", token: ann, json: #"{"about": "bob", "text": "Ring Kari"}"#, headers: ["Idempotency-Key": "note-1"])
            #expect(retried.status == 201 && retried.body == created.body, "the gateway's Idempotency-Key guard covers a plugin's route")
            let list = try await harness.request(.get, "/api/v1/notes", token: read)
            #expect(list.status == 200 && list.text == #"["Ring Kari"]"#, "one row: the retry did not act again")

            func notes(_ token: String) async throws -> [[String: Any]] {
                let poll = try await harness.request(.get, "/api/v1/events/poll?after=0&timeoutSeconds=0&limit=1000", token: token)
                let events = harness.object(poll)["events"] as? [[String: Any]] ?? []
                return events.filter { $0["type"] as? String == "notification.note.added" }
            }
            let forBob = try await notes(bob)
            #expect(forBob.count == 1)
            #expect((forBob.first?["data"] as? [String: Any])?["author"] as? String == "ann")
            #expect(try await notes(ann).isEmpty, "another plain user does not see bob's notification")
            #expect(try await notes(lead).count == 1, "a team leader sees the company's notifications")
            #expect(try await notes(read).count == 1, "an API key sees its company's events")
        }
    }

    @Test func aPluginsRouteIsRefusedAnotherCompanysRowsAndAnotherPluginsTables() async throws {
        try await APIHarness.with(factories: Self.factories) { harness in
            let acmeAnn = try await harness.login("+4740010003")
            let birkAnn = try await harness.login("+4740020003")
            #expect(try await harness.request(.post, "/api/v1/notes", token: acmeAnn, json: #"{"about": "bob", "text": "acme"}"#).status == 201)
            #expect(try await harness.request(.post, "/api/v1/notes", token: birkAnn, json: #"{"about": "bob", "text": "birk"}"#).status == 201)
            let acmeRead = try #require(APIHarness.keys["ACME_READ"])
            let own = try await harness.request(.get, "/api/v1/notes", token: acmeRead)
            #expect(own.text == #"["acme"]"#)
            let careless = try await harness.request(.get, "/api/v1/notes?all=1", token: acmeRead)
            #expect(careless.status == 500, "a read that would return birk's row fails")
            #expect(!careless.text.contains("birk"), "and nothing of birk's row is in the answer: \(careless.text)")
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            let ledger = try await harness.request(.get, "/api/v1/notes/sms", token: admin)
            #expect(ledger.status == 500, "the SMS plugin's table is not the notes plugin's to read")
            let logged = harness.logs.records.filter { $0.message == "a plugin's route failed" }.compactMap { $0.metadata["error"] }
            #expect(logged.contains { $0.contains("another company") }, "\(logged)")
            #expect(logged.contains { $0.contains("not authorized") && $0.contains("sms_ledger") }, "\(logged)")
        }
    }
}
