import Foundation
import PluginKit
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("JSON text is compact, sorted and escaped")
    func text() {
        let value: JSONValue = ["b": [true, nil, 1, -2.5], "a": "x\"\\\n\r\t\u{1f}é", "c": [:]]
        #expect(value.jsonText == #"{"a":"x\"\\\n\r\t\u001fé","b":[true,null,1,-2.5],"c":{}}"#)
        #expect(JSONValue.double(.nan).jsonText == "null")
        #expect(JSONValue.jsonText(of: [:]) == "{}")
    }

    @Test("JSON text decodes back to an equal value")
    func textRoundTrip() throws {
        let values: [JSONValue] = [
            ["int": .integer(.max), "neg": .integer(.min), "d": 1e-7, "e": 123_456_789.125, "z": -0.0],
            ["s": "😀 \u{0} \u{7f} \u{2028}", "a": [[], [[:]], [1, [2, [3]]]]],
        ]
        for value in values {
            let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(value.jsonText.utf8))
            #expect(decoded == value)
            let again = try JSONDecoder().decode(JSONValue.self, from: Data(decoded.jsonText.utf8))
            #expect(again.jsonText == decoded.jsonText)
        }
    }

    @Test("numbers are equal by value across integer and double")
    func numberEquality() {
        #expect(JSONValue.integer(1) == .double(1.0))
        #expect(JSONValue.double(1.5) != .integer(1))
        #expect(Set<JSONValue>([.integer(3), .double(3)]).count == 1)
        #expect(JSONValue.integer(1) != .bool(true))
        #expect(JSONValue.string("1") != .integer(1))
    }

    @Test("decoding tells booleans, integers and doubles apart")
    func decoding() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"[true, 7, 7.5, 1e300, null, "s"]"#.utf8))
        guard case .array(let elements) = decoded else {
            Issue.record("not an array: \(decoded)")
            return
        }
        #expect(elements.count == 6)
        if case .bool(true) = elements[0] {} else { Issue.record("\(elements[0])") }
        if case .integer(7) = elements[1] {} else { Issue.record("\(elements[1])") }
        if case .double(7.5) = elements[2] {} else { Issue.record("\(elements[2])") }
        if case .double(1e300) = elements[3] {} else { Issue.record("\(elements[3])") }
        #expect(elements[4] == nil)
        #expect(elements[5] == "s")
    }
}
