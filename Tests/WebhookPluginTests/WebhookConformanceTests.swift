import Foundation
import HTTPClient
import PluginKit
import PluginKitTesting
import Testing
import WebhookPlugin

@Suite("Webhook passes the plugin conformance kit")
struct WebhookConformanceTests {
    @Test func conforms() async throws {
        let secret = try WebhookFixture.newSecret()
        let receiver = try await LocalReceiver(secrets: [secret])
        defer { receiver.stop() }
        let url = receiver.url("/hooks/sentralbord")
        let session = HTTPSession()
        let hanging = ScriptedHTTPTransport { _ in .hang }
        let environment = ConfigurationEnvironment(variable: { $0 == "CRM_WEBHOOK_SECRET" ? secret : nil }, readFile: { _ in nil })
        let conformance = PluginConformance(
            makePlugin: {
                nonisolated(unsafe) var plugin: (any Plugin)?
                let issues = ConfigReader.issues(
                    reading: "url = \"\(url)\"\nsecrets = [\"env:CRM_WEBHOOK_SECRET\"]", file: "c.toml", environment: environment
                ) { plugin = WebhookPluginFactory().makePlugin(instance: "crm", filter: .all, config: $0) }
                guard issues.isEmpty, let plugin else { throw ConfigurationError(issues: issues) }
                return plugin
            },
            events: [WebhookFixture.event("evt-a", seq: 1), WebhookFixture.event("evt-b", seq: 2)],
            deliveringContext: { PluginContext.testing(http: session, clock: SystemPluginClock()) },
            hangingContext: { PluginContext.testing(http: hanging) },
            secrets: [secret, String(secret.dropFirst(6))])
        let failures = await conformance.run()
        #expect(failures.isEmpty, "\(failures)")
        var seen: [LocalReceiver.Delivery] = []
        for _ in 0..<4 { seen.append(try await receiver.nextDelivery()) }
        #expect(seen.map(\.id) == ["evt-a", "evt-a", "evt-b", "evt-b"])
        #expect(seen.allSatisfy { $0.verified == [true] })
        #expect(hanging.requests.count == 1)
    }
}
