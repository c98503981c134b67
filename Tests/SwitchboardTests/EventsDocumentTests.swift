import Foundation
import Testing
import Switchboard

@Suite("docs/events.md: every type documented, every example an event as the engine writes it")
struct EventsDocumentTests {
    static func document() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/events.md")
        return try String(contentsOf: docs, encoding: .utf8)
    }

    /// The `### \`type\`` headings, in order.
    static func headings(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        }
    }

    /// The JSON blocks under each heading.
    static func examples(in text: String) -> [(type: String, json: String)] {
        var result: [(String, String)] = []
        var heading = ""
        var block: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### `") { heading = String(line.dropFirst(5).dropLast()) }
            if line == "```json" {
                block = []
            } else if line == "```", let lines = block {
                result.append((heading, lines.joined(separator: "\n")))
                block = nil
            } else {
                block?.append(line)
            }
        }
        return result
    }

    @Test("Every event type has a section, in the order of EventPayload.allTypes, and nothing else has one")
    func everyType() throws {
        #expect(Self.headings(in: try Self.document()) == EventPayload.allTypes)
    }

    @Test("Every example decodes as its type and is the engine's pretty-printed JSON, key for key")
    func examples() throws {
        let examples = Self.examples(in: try Self.document())
        #expect(examples.map(\.type) == EventPayload.allTypes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for (type, json) in examples {
            let event = try SwitchboardEvent(jsonData: Data(json.utf8))
            #expect(event.type == type)
            #expect(String(decoding: try encoder.encode(event), as: UTF8.self) == json, "the example of \(type)")
        }
    }
}
