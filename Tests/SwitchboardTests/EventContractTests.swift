import Foundation
import Testing
import Switchboard

@Suite("Events: envelope, JSON, determinism, restorable state")
struct EventContractTests {
    static func scripted() throws -> Harness {
        var h = Harness(settings: [Harness.bob: UserSettings(statusDrivesQueues: true)])
        try h.run(.addComment(number: Harness.customer, text: "VIP", by: Harness.cat))
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.bob, Harness.sales)
        let call = try h.arrive(to: Harness.supportNumber)
        h.wait(.seconds(3))
        try h.answer(Harness.ann, call)
        try h.run(.transfer(call: call, to: .user(Harness.cat), kind: .withReturn, by: Harness.ann))
        h.wait(.seconds(25))
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.away, until: h.now + .seconds(60)), by: Harness.bob))
        h.wait(.seconds(90))
        return h
    }

    @Test("The envelope encodes as JSON with units in field names and round-trips")
    func jsonRoundTrip() throws {
        let h = try Self.scripted()
        for event in h.events {
            let data = try event.jsonData()
            #expect(try SwitchboardEvent(jsonData: data) == event)
        }
        let ended = try #require(h.events.first { $0.type == "call.ringing" })
        let text = String(decoding: try ended.jsonData(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"callId":"call-1","callSeq":"#))
        #expect(text.contains(#""ringTimeoutMs":20000"#))
        #expect(text.contains(#""occurredAt":"2026-01-01T09:00:03.000Z""#))
        #expect(text.contains(#""tenant":"acme""#))
    }

    @Test("The same commands give the same events, byte for byte")
    func deterministic() throws {
        let first = try Self.scripted().events.map { try $0.jsonData() }
        let second = try Self.scripted().events.map { try $0.jsonData() }
        #expect(first == second)
    }

    @Test("A state snapshot restores equal and goes on identically")
    func snapshot() throws {
        var h = try Self.scripted()
        let data = try JSONEncoder().encode(h.state)
        var restored = try JSONDecoder().decode(SwitchboardState.self, from: data)
        #expect(restored == h.state)
        let command = SwitchboardCommand.telephony(.arrived(from: Harness.customer, to: Harness.salesNumber))
        #expect(try restored.handle(command, at: h.now) == h.run(command))
    }

    @Test("Event ids are unique and every type has a name in the contract")
    func idsAndTypes() throws {
        let h = try Self.scripted()
        #expect(Set(h.events.map(\.id)).count == h.events.count)
        #expect(Set(h.allTypes).isSubset(of: EventPayload.allTypes))
    }
}
