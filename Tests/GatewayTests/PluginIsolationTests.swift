import Foundation
import Gateway
import HTTPClient
import PluginKit
import Switchboard
import Testing

/// GW-1 at the level of the whole gateway: an exec plugin that holds an event and never answers
/// and a webhook to a port where nobody listens must not block the engine or the API. No
/// wall-clock bound (a busy machine would break it): a blocked engine would never finish the
/// rounds, which the time limit catches.
@Suite("A hung and a failing plugin never block the engine or the API (GW-1)")
struct PluginIsolationTests {
    @Test(.timeLimit(.minutes(1)))
    func commandsAndRequestsGoOnWhilePluginsHangAndFail() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-isolation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("never-acks.py")
        let received = folder.appendingPathComponent("received.jsonl")
        try """
            #!/usr/bin/env python3
            import sys, time
            for line in sys.stdin:
                with open("\(received.path)", "a") as journal:
                    journal.write(line)
                time.sleep(3600)
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let key = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
        let text = """
            [server]
            listen = "127.0.0.1:0"
            [storage]
            data_directory = "\(folder.path)/data"
            [[tenants]]
            id = "acme"
            name = "Acme AS"
            [[tenants.users]]
            id = "kari"
            name = "Kari"
            mobile = "400 00 001"
            [[tenants.queues]]
            id = "support"
            name = "Support"
            main_number = "21 00 00 00"
            members = [{ user = "kari" }]
            [[plugins]]
            name = "hung"
            kind = "exec"
            command = "\(script.path)"
            timeout_seconds = 600
            [[plugins]]
            name = "failing"
            kind = "webhook"
            url = "http://127.0.0.1:9/hook"
            secrets = ["env:ISOLATION_SECRET"]
            backoff_initial_ms = 1
            backoff_max_seconds = 1
            """
        let environment = ConfigurationEnvironment(variable: { $0 == "ISOLATION_SECRET" ? key : nil }, readFile: { _ in nil })
        let configuration = try GatewayConfiguration.parse(text, file: folder.path + "/config.toml", environment: environment)
        let service = try await GatewayService(configuration: configuration, logger: Logger(label: "test", sink: InMemoryLogSink()))
        try await service.start()
        let engine = try #require(service.engine(of: "acme"))
        let http = HTTPSession()
        let port = try #require(service.port)

        for round in 0..<100 {
            let command: SwitchboardCommand = round % 2 == 0
                ? .logIn(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari"))
                : .logOut(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari"))
            try await engine.perform(command)
            let health = try await http.send(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz", timeout: .seconds(5)))
            #expect(health.status == 200)
        }
        // The hung plugin really holds an event (it got one and never answered), so the rounds
        // above ran while it hung.
        var held = ""
        while held.isEmpty {
            held = (try? String(contentsOf: received, encoding: .utf8)) ?? ""
            if held.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(held.split(separator: "\n").count == 1, "one event at a time, and it never answered")
        let statuses = try await (service.storage.pluginDeliveryStore.status(of: "hung"), service.storage.pluginDeliveryStore.status(of: "failing"))
        #expect(statuses.0?.delivered == 0 || statuses.0 == nil, "the hung plugin delivered nothing")
        #expect((statuses.1?.retrying?.attempts ?? 0) >= 1 || (statuses.1?.deadLettered ?? 0) >= 1, "the failing plugin is retrying")
        await service.shutdown()
    }
}
