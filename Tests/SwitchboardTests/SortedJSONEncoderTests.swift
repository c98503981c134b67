import Foundation
import Testing
import Switchboard

/// `SortedJSONEncoder` must write exactly what `JSONEncoder` writes with sorted keys: the log
/// stores its bytes and the stream sends them, where JSONEncoder's were sent before.
@Suite("SortedJSONEncoder: JSONEncoder's bytes, written once")
struct SortedJSONEncoderTests {
    static let reference: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Text no field should trip over: quotes, backslash, slash, every control character,
    /// DEL, Norwegian letters, an emoji, a combining accent, a line separator.
    static let awkward = "\"sitat\" \\ a/b \u{7F} Blåbærsyltetøy ÆØÅ 🙂 e\u{301} \u{2028}"
        + String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })

    /// Events of every type: the examples of docs/events.md (one per type), the scripted
    /// scenarios, a few seeded simulated runs, and a scenario whose texts need escapes.
    static func events() throws -> [SwitchboardEvent] {
        let examples = try EventsDocumentTests.examples(in: EventsDocumentTests.document())
            .map { try SwitchboardEvent(jsonData: Data($0.json.utf8)) }
        var scenario = Harness()
        try scenario.run(.addComment(number: Harness.customer, text: awkward, by: Harness.cat))
        try scenario.logIn(Harness.ann, Harness.support)
        let call = try scenario.arrive(to: Harness.supportNumber)
        try scenario.answer(Harness.ann, call)
        return try examples + scenario.events + EventContractTests.scripted().events + DirectoryChangeCodingTests.scripted().events
            + [3, 7, 11].flatMap { SimulatedRunTests.run(seed: $0).events }
    }

    @Test("Every event, of every type, encodes to JSONEncoder's bytes and reads back equal")
    func everyEvent() throws {
        let events = try Self.events()
        #expect(Set(events.map(\.type)) == Set(EventPayload.allTypes))
        for event in events {
            let bytes = try event.jsonData()
            let expected = try Self.reference.encode(event)
            #expect(bytes == expected, "\(event.type) \(event.id)")
            #expect(try SwitchboardEvent(jsonData: bytes) == event)
            #expect(try Self.object(bytes) == Self.object(expected))
            let data = try event.dataJSON()
            let member = Data((#""data":"# + data + #","id":"#).utf8)
            #expect(bytes.range(of: member) != nil, "the data of \(event.type) \(event.id) as in the envelope")
        }
    }

    @Test("Strings with quotes, backslashes, control characters, Norwegian letters and emoji")
    func escapes() throws {
        let comment = Awkward(text: Self.awkward, texts: [Self.awkward, "", "ø"], byKey: [Self.awkward: 1, "Å": 2, "a": 3, "Z": 4])
        #expect(try SortedJSONEncoder().encode(comment) == Array(Self.reference.encode(comment)))
        let text = String(decoding: try SortedJSONEncoder().encode(Self.awkward), as: UTF8.self)
        #expect(text.hasPrefix(#""\"sitat\" \\ a/b "#))
        #expect(text.contains("Blåbærsyltetøy ÆØÅ 🙂"))
        #expect(text.hasSuffix(#"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#))
    }

    @Test("Numbers, nil, nested, unkeyed and super containers, a key written twice, an empty value")
    func containers() throws {
        let value = Containers()
        #expect(try SortedJSONEncoder().encode(value) == Array(Self.reference.encode(value)))
        let doubles: [Double] = [0, -0.0, 1, 0.1, -2.5, 1e300, .leastNonzeroMagnitude, 123_456_789_012_345_680, .pi]
        #expect(try SortedJSONEncoder().encode(doubles) == Array(Self.reference.encode(doubles)))
        let floats: [Float] = [1, 0.1, 3.4e38]
        #expect(try SortedJSONEncoder().encode(floats) == Array(Self.reference.encode(floats)))
    }

    @Test("What it cannot write as JSONEncoder does is an error, not other bytes")
    func refusals() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["blob": Data([1, 2])]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(OutOfOrder()) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(Nothing()) }
    }

    static func object(_ bytes: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: bytes) as? NSDictionary)
    }
}

private struct Awkward: Encodable {
    let text: String
    let texts: [String]
    let byKey: [String: Int]
}

/// Exercises what synthesized `Codable` does not: nested and super containers, explicit
/// nulls, a key written twice, and a value that writes nothing.
private struct Containers: Encodable {
    enum Keys: String, CodingKey { case zeta, alpha, nested, list, parent, nothing, Upper, twice, small, big, none }
    enum InnerKeys: String, CodingKey { case b, a }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Int64.max, forKey: .zeta)
        try container.encode(Int64.min, forKey: .alpha)
        var nested = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .nested)
        try nested.encode(true, forKey: .b)
        try nested.encodeNil(forKey: .a)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(UInt64.max)
        var inner = list.nestedUnkeyedContainer()
        try inner.encode("x")
        var object = list.nestedContainer(keyedBy: InnerKeys.self)
        try object.encode(Int8.min, forKey: .b)
        try Nothing().encode(to: list.superEncoder())
        try list.encode(false)
        try Inner().encode(to: container.superEncoder(forKey: .parent))
        try Nothing().encode(to: container.superEncoder(forKey: .nothing))
        try container.encode("first", forKey: .twice)
        try container.encode(UInt8.max, forKey: .Upper)
        try container.encode("second", forKey: .twice)
        try container.encode(Int16.min, forKey: .small)
        try container.encode(UInt32.max, forKey: .big)
        try container.encodeIfPresent(nil as String?, forKey: .none)
        var superEncoder = container.superEncoder()
        superEncoder = container.superEncoder()
        var single = superEncoder.singleValueContainer()
        try single.encode(Int32.max)
    }

    struct Inner: Encodable {
        let b = [1, 2]
        let a = ["z": 1, "y": 2]
    }
}

/// Writes nothing: JSONEncoder makes it `{}` inside a value and refuses it at the top.
private struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Goes back to a container after a later sibling of it was opened.
private struct OutOfOrder: Encodable {
    enum Keys: String, CodingKey { case first, second }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
        var second = container.nestedContainer(keyedBy: Keys.self, forKey: .second)
        try second.encode(2, forKey: .second)
        try first.encode(1, forKey: .first)
    }
}
