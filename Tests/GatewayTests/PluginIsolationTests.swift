import Foundation
import Gateway
import HTTPClient
import PluginKit
import Switchboard
import Testing

/// GW-1 at the level of the whole gateway: an exec plugin that never answers and a webhook to
/// a port where nobody listens must not slow the engine or the API.
@Suite("A hung and a failing plugin never delay the engine or the API (GW-1)")
struct PluginIsolationTests {
    @Test func commandsAndRequestsStayFastWhilePluginsHangAndFail() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-isolation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("never-acks.py")
        try "#!/usr/bin/env python3\nimport sys, time\nfor line in sys.stdin:\n    time.sleep(3600)\n"
            .write(to: script, atomically: true, encoding: .utf8)
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
        try service.start()
        let engine = try #require(service.engine(of: "acme"))
        let http = HTTPSession()
        let port = try #require(service.port)

        var slowest = Duration.zero
        for round in 0..<100 {
            let command: SwitchboardCommand = round % 2 == 0
                ? .logIn(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari"))
                : .logOut(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari"))
            let start = ContinuousClock.now
            try await engine.perform(command)
            let health = try await http.send(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz", timeout: .seconds(5)))
            #expect(health.status == 200)
            slowest = max(slowest, ContinuousClock.now - start)
        }
        #expect(slowest < .milliseconds(500), "the slowest command and health check took \(slowest)")

        let statuses = try await (service.storage.pluginDeliveryStore.status(of: "hung"), service.storage.pluginDeliveryStore.status(of: "failing"))
        #expect(statuses.0?.delivered ?? 0 == 0, "the hung plugin delivered nothing")
        #expect((statuses.1?.retrying?.attempts ?? 0) >= 1 || (statuses.1?.deadLettered ?? 0) >= 1, "the failing plugin is retrying")
        await service.shutdown()
    }
}
