import ExecPlugin
import Foundation
import PluginKit
import PluginKitTesting
import Testing

@Suite("The example exec plugin in docs/plugins.md works")
struct DocumentedExampleTests {
    /// The Python block after `<!-- example-exec-plugin -->` in the documentation.
    static func example() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/plugins.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- example-exec-plugin -->\n```python\n"))
        let end = try #require(text.range(of: "```", range: marker.upperBound..<text.endIndex))
        return String(text[marker.upperBound..<end.lowerBound])
    }

    @Test func journalsAndAcknowledgesEveryEvent() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exec-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("journal-plugin.py").path
        try Self.example().write(toFile: script, atomically: true, encoding: .utf8)
        let journal = folder.appendingPathComponent("journal.jsonl").path
        // Run through the interpreter: executing a file this process has just written can fail
        // with ETXTBSY while other tests fork (see PluginScripts.installed).
        let plugin = ExecPlugin(
            instance: "journal", filter: .all, command: ExecCommand(executable: "/usr/bin/python3", arguments: [script, journal]))
        let (context, _) = ExecFixture.context()
        let events = (1...3).map { ExecFixture.event("evt-\($0)", seq: Int64($0), data: ["queueId": "support"]) }
        for event in events {
            #expect(try await plugin.deliver(event, context: context) == .delivered)
        }
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        #expect(try lines.map { try JSONDecoder().decode(EventEnvelope.self, from: Data($0.utf8)) } == events)
        await plugin.shutdown()
    }

    @Test func asksForARetryWhenItCannotWrite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exec-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("journal-plugin.py").path
        try Self.example().write(toFile: script, atomically: true, encoding: .utf8)
        let plugin = ExecPlugin(
            instance: "journal", filter: .all,
            command: ExecCommand(executable: "/usr/bin/python3", arguments: [script, "/nonexistent-folder/journal.jsonl"]))
        let error = await #expect(throws: PluginError.self) {
            try await plugin.deliver(ExecFixture.event("evt-1"), context: ExecFixture.context().context)
        }
        #expect(error?.kind == .transient)
        #expect(error?.message.contains("No such file or directory") == true)
        await plugin.shutdown()
    }
}
