import Foundation
import PluginKit
import Testing

/// An event's data is written once as text (by the engine, or by `JSONValue.jsonText` for a
/// plugin's event); the log stores that text and the stream sends it inside the envelope. The
/// bytes must be the ones `JSONEncoder` with sorted keys writes, which the stream sent before.
@Suite("Event data as text: written once, JSONEncoder's bytes, decoded only when read")
struct EventDataTextTests {
    static let reference: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Values whose text is easy to get wrong: every control character, quotes, backslash,
    /// slash, Norwegian letters, emoji; integers at both ends; doubles with and without a
    /// fraction; keys whose byte order differs from a case-insensitive or numeric order.
    static let awkward: [String: JSONValue] = [
        "text": .string("\"sitat\" \\ a/b Blåbærsyltetøy ÆØÅ 🙂 e\u{301} \u{7F}\u{2028}"
            + String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })),
        "big": .integer(.max), "small": .integer(.min), "whole": 1.0, "negativeZero": -0.0, "fraction": 0.1,
        "huge": 1.5e300, "tiny": 5e-300,
        "nested": ["list": [1, 2.5, nil, true, ["deep": []]], "empty": [:]],
        "Z": 1, "a": 2, "a10": 3, "a9": 4, "å": 5, "é": 6, "_": 7, "": 8,
    ]

    @Test("JSONValue.jsonText writes JSONEncoder's bytes")
    func jsonText() throws {
        #expect(Array(JSONValue.jsonText(of: Self.awkward).utf8) == Array(try Self.reference.encode(Self.awkward)))
        var withNaN = Self.awkward
        withNaN["nan"] = .double(.nan)
        let value = JSONValue.object(withNaN)
        #expect(Array(value.jsonText.utf8) == Array(try Self.reference.encode(value)))
    }

    @Test("The envelope's JSON, with its data text spliced in, is JSONEncoder's bytes", arguments: [true, false])
    func envelopeJSON(aboutACall: Bool) throws {
        let envelope = EventEnvelope(
            seq: 9_007_199_254_740_993, id: "acme:\"7\"", type: "call.ended", tenant: "acme",
            occurredAt: Date(millisecondsSince1970: 1_764_075_048_123), callId: aboutACall ? "call-7" : nil,
            callSeq: aboutACall ? 12 : nil, data: Self.awkward)
        #expect(envelope.json == Array(try Self.reference.encode(envelope)))
        let decoded = try JSONDecoder().decode(EventEnvelope.self, from: Data(envelope.json))
        #expect(decoded == envelope)
    }

    @Test("An event made from its data text keeps the text and decodes it only when read")
    func fromText() throws {
        let text = JSONValue.jsonText(of: Self.awkward)
        let event = NewEvent(id: "e", type: "call.ended", tenant: "acme", occurredAt: Date(), dataJSON: text)
        #expect(event.dataJSON == text)
        #expect(event.data == Self.awkward)
        #expect(event == NewEvent(id: "e", type: "call.ended", tenant: "acme", occurredAt: event.occurredAt, data: Self.awkward))
        let envelope = EventEnvelope(seq: 3, event: event)
        #expect(envelope.dataJSON == text)
        #expect(envelope.data == Self.awkward)
        #expect(envelope.unsequenced.dataJSON == text)
        let stored = EventEnvelope(seq: 3, id: "e", type: "call.ended", tenant: "acme", occurredAt: event.occurredAt, dataJSON: text)
        #expect(stored == envelope)
        #expect(Set([stored, envelope]).count == 1)
    }

    @Test("Equal data written differently is equal; different data is not")
    func equality() {
        let one = EventEnvelope(seq: 1, id: "e", type: "t", tenant: "a", occurredAt: Date(millisecondsSince1970: 0), dataJSON: #"{"n":1}"#)
        var other = one
        other.data = ["n": .double(1)]
        #expect(other.dataJSON == #"{"n":1}"#)
        let spaced = EventEnvelope(seq: 1, id: "e", type: "t", tenant: "a", occurredAt: Date(millisecondsSince1970: 0), dataJSON: #"{ "n": 1.0 }"#)
        #expect(spaced == one)
        other.data = ["n": 2]
        #expect(other != one)
    }

    @Test("Setting data writes its text anew")
    func settingData() {
        var event = NewEvent(id: "e", type: "t", tenant: "a", occurredAt: Date(), dataJSON: #"{"queue":"support"}"#)
        event.data["user"] = "kari"
        #expect(event.dataJSON == #"{"queue":"support","user":"kari"}"#)
    }

    @Test("The fields consumers choose events by, read in one place")
    func subjects() {
        func envelope(_ data: [String: JSONValue]) -> EventEnvelope {
            EventEnvelope(seq: 1, id: "e", type: "call.answered", tenant: "acme", occurredAt: Date(millisecondsSince1970: 0), data: data)
        }
        let answered = envelope(["queue": "support", "answeredBy": "kari", "by": "ola", "fromUser": "per", "user": "eva"])
        #expect(answered.queue == "support")
        #expect(answered.user == "eva")
        #expect(answered.users == ["eva", "kari", "ola", "per"])
        let bare = envelope(["queue": 7, "user": nil, "number": "+4791234567"])
        #expect(bare.queue == nil)
        #expect(bare.user == nil)
        #expect(bare.users.isEmpty)
    }
}
