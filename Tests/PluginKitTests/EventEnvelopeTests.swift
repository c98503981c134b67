import Foundation
import PluginKit
import Testing

@Suite("EventEnvelope")
struct EventEnvelopeTests {
    static let sample = EventEnvelope(
        seq: 42, id: "evt-1", type: "queue.caller.joined", tenant: "acme",
        occurredAt: Date(millisecondsSince1970: 1_764_075_048_123),
        callId: "call-7", callSeq: 3,
        data: ["queue": "support", "position": 2, "waitMs": 0, "vip": false, "tags": ["a", "b"], "note": nil])

    @Test("JSON has exactly the envelope's field names and RFC 3339 milliseconds")
    func fieldNames() throws {
        let data = try JSONEncoder().encode(Self.sample)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["seq", "id", "type", "tenant", "occurredAt", "callId", "callSeq", "data"])
        #expect(object["occurredAt"] as? String == "2025-11-25T12:50:48.123Z")
        #expect(object["seq"] as? Int == 42)
        #expect(object["callSeq"] as? Int == 3)
        #expect((object["data"] as? [String: Any])?["queue"] as? String == "support")
    }

    @Test("an event without a call leaves callId and callSeq out")
    func noCall() throws {
        var event = Self.sample
        event.callId = nil
        event.callSeq = nil
        let data = try JSONEncoder().encode(event)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["seq", "id", "type", "tenant", "occurredAt", "data"])
        #expect(try JSONDecoder().decode(EventEnvelope.self, from: data) == event)
    }

    @Test("encoding and decoding round-trips exactly")
    func roundTrip() throws {
        let data: [String: JSONValue] = [
            "text": "blåbær ✓ \"quoted\" \\ \n\t\u{1}",
            "big": .integer(.max), "small": .integer(.min), "fraction": 0.1, "huge": 1.5e300,
            "nested": ["list": [1, 2.5, nil, true, ["deep": []]], "empty": [:]],
        ]
        for milliseconds in [Int64(0), 1, 999, 1_764_075_048_123, -1, 253_402_300_799_999] {
            let envelope = EventEnvelope(
                seq: 1, id: "x", type: "call.ended", tenant: "t",
                occurredAt: Date(millisecondsSince1970: milliseconds), data: data)
            let decoded = try JSONDecoder().decode(EventEnvelope.self, from: JSONEncoder().encode(envelope))
            #expect(decoded == envelope)
            #expect(decoded.occurredAt.millisecondsSince1970 == milliseconds)
        }
    }

    @Test("decoding refuses an occurredAt that is not RFC 3339")
    func badTime() throws {
        let json = #"{"seq":1,"id":"x","type":"t","tenant":"a","occurredAt":"yesterday","data":{}}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EventEnvelope.self, from: Data(json.utf8))
        }
    }

    @Test("a new event keeps whole milliseconds and becomes an envelope with its seq")
    func newEvent() {
        let event = NewEvent(
            id: "e", type: "call.answered", tenant: "acme",
            occurredAt: Date(timeIntervalSince1970: 1_764_075_048.123_9), callId: "c", callSeq: 1, data: ["x": 1])
        #expect(event.occurredAt.millisecondsSince1970 == 1_764_075_048_123)
        #expect(NewEvent(id: "e", type: "t", tenant: "a", occurredAt: event.occurredAt).occurredAt == event.occurredAt)
        let envelope = EventEnvelope(seq: 9, event: event)
        #expect(envelope.seq == 9)
        #expect(envelope.unsequenced == event)
    }

    @Test("whole milliseconds survive Date in both directions")
    func milliseconds() {
        for milliseconds in stride(from: Int64(1_764_075_000_000), to: 1_764_075_020_000, by: 7) {
            #expect(Date(millisecondsSince1970: milliseconds).millisecondsSince1970 == milliseconds)
        }
    }
}
