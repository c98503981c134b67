import Foundation
import HTTPClient
import PeerSupport
import PluginKit
import PluginKitTesting
import SMSPlugin
import Testing

@Suite("SMS passes the plugin conformance kit", .serialized)
struct SMSConformanceTests {
    @Test
    func conforms() async throws {
        let token = "tw-conformance-token"
        let fake = try await LocalPeer(script: ProviderPeers.twilio, arguments: ["AC0123", token])
        defer { fake.stop() }
        let session = HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 1))
        let environment = ConfigurationEnvironment(variable: { $0 == "TWILIO_TOKEN" ? token : nil }, readFile: { _ in nil })
        let ledger = InMemorySMSLedger()
        let port = fake.port
        let conformance = PluginConformance(
            makePlugin: {
                nonisolated(unsafe) var plugin: (any Plugin)?
                let issues = ConfigReader.issues(
                    reading: """
                        provider = "twilio"
                        twilio_account_sid = "AC0123"
                        twilio_auth_token = "env:TWILIO_TOKEN"
                        twilio_base_url = "http://127.0.0.1:\(port)"
                        sender = "+4759446000"
                        merge_window_seconds = 0
                        """, file: "c.toml", environment: environment
                ) { plugin = SMSPluginFactory().makePlugin(instance: "sms", filter: .all, config: $0) }
                guard issues.isEmpty, let sms = plugin as? SMSPlugin else { throw ConfigurationError(issues: issues) }
                sms.attach(ledger: ledger, http: session, logger: Logger(label: "sms", sink: InMemoryLogSink()))
                return sms
            },
            events: [SMSFixture.notice("acme:1", at: Date()), SMSFixture.notice("acme:2", from: "+4799887766", at: Date())],
            deliveringContext: { PluginContext.testing(http: session, clock: SystemPluginClock()) },
            // The plugin sends through the transport it was attached with, not the context's,
            // so a hanging context cannot make it hang; HTTPSession honours cancellation.
            hangingContext: nil,
            secrets: [token])
        let failures = await conformance.run()
        #expect(failures.isEmpty, "\(failures)")
        #expect(ledger.records.map(\.status) == [.accepted, .accepted], "each notice sent once despite the duplicate delivery")
    }
}
