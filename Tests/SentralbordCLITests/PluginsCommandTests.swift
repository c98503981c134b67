import Foundation
import Gateway
import PluginKit
import SentralbordCLI
import Storage
import Testing

/// A temporary gateway folder: config.toml with an exec plugin whose script acks every event
/// (or refuses every event when `refusing`), and its data directory.
private struct PluginFixture {
    let folder: URL
    var configPath: String { folder.appendingPathComponent("config.toml").path }

    init(refusing: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("ack.py")
        try """
            #!/usr/bin/env python3
            import json, sys
            for line in sys.stdin:
                event = json.loads(line)
                print(json.dumps({"id": event["id"], "ok": \(refusing ? "False, \"retry\": False, \"error\": \"refused\"" : "True")}), flush=True)
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try """
            [storage]
            data_directory = "data"
            [[plugins]]
            name = "audit"
            kind = "exec"
            command = "\(script.path)"
            timeout_seconds = 5
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Appends `count` events and records the first `dead` of them as dead letters of `audit`,
    /// the rest as delivered.
    func seed(events count: Int, dead: Int) async throws {
        let configuration = try GatewayConfiguration.load(path: configPath)
        let storage = try await GatewayStorage.open(configuration.storage)
        let events = (1...count).map {
            NewEvent(id: "evt-\($0)", type: "call.missed", tenant: "acme", occurredAt: Date(timeIntervalSince1970: 1_800_000_000))
        }
        let appended = try await storage.log.append(events)
        let store = storage.pluginDeliveryStore
        var status = PluginInstanceStatus(instance: "audit", kind: "exec")
        for event in appended.prefix(dead) {
            status.cursor = event.seq
            status.deadLettered += 1
            let letter = DeadLetter(instance: "audit", event: event, reason: "permanent: 400", attempts: 1, firstAttemptAt: Date(), lastAttemptAt: Date())
            try await store.save(status, deadLetters: [letter])
        }
        status.cursor = appended[count - 2].seq
        status.delivered = Int64(count - 1 - dead)
        try await store.save(status, deadLetters: [])
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

private func run(_ arguments: [String]) async -> (status: ExitCode, out: String, err: String) {
    let capture = CapturedConsole()
    let status = await SentralbordCLI.run(arguments, console: capture.console)
    return (status, capture.out, capture.err)
}

@Suite("sentralbord plugins status / replay-dead", .serialized)
struct PluginsCommandTests {
    @Test func statusShowsLagDeliveriesAndDeadLetters() async throws {
        let fixture = try PluginFixture(refusing: false)
        defer { fixture.remove() }
        try await fixture.seed(events: 5, dead: 2)

        let table = await run(["plugins", "status", "--config", fixture.configPath])
        #expect(table.status == .success)
        let lines = table.out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.first == ["INSTANCE", "KIND", "LAG", "DELIVERED", "SKIPPED", "RETRYING", "DEAD", "BREAKER"])
        #expect(lines.dropFirst().first == ["audit", "exec", "1", "2", "0", "-", "2", "closed"])

        let json = await run(["plugins", "status", "--config", fixture.configPath, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(object?["instance"] as? String == "audit")
        #expect(object?["lag"] as? Int == 1)
        #expect(object?["deadLetters"] as? Int == 2)
    }

    @Test func replayDeliversDeadLettersAndRemovesThem() async throws {
        let fixture = try PluginFixture(refusing: false)
        defer { fixture.remove() }
        try await fixture.seed(events: 3, dead: 2)
        let replay = await run(["plugins", "replay-dead", "audit", "--config", fixture.configPath])
        #expect(replay.status == .success, "\(replay.err)")
        #expect(replay.out.contains("audit: 2 delivered, 0 still dead"))
        let json = await run(["plugins", "status", "--config", fixture.configPath, "--json"])
        #expect(json.out.contains("\"deadLetters\":0"))
    }

    @Test func replayKeepsLettersThatFailAgainAndExits1() async throws {
        let fixture = try PluginFixture(refusing: true)
        defer { fixture.remove() }
        try await fixture.seed(events: 2, dead: 1)
        let replay = await run(["plugins", "replay-dead", "audit", "--config", fixture.configPath])
        #expect(replay.status == .failure)
        #expect(replay.out.contains("seq 1: still failing: permanent: the plugin refused the event: \"refused\""))
        #expect(replay.out.contains("audit: 0 delivered, 1 still dead"))
    }

    @Test func replayOfAnUnknownInstanceIsAUsageError() async throws {
        let fixture = try PluginFixture(refusing: false)
        defer { fixture.remove() }
        let replay = await run(["plugins", "replay-dead", "nope", "--config", fixture.configPath])
        #expect(replay.status == .usage)
        #expect(replay.err.contains("no plugin instance \"nope\""))
    }
}
