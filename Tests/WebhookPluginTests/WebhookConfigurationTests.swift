import Foundation
import PluginKit
import Testing
import WebhookPlugin

@Suite("Webhook configuration: keys, checks, and no secret in any message")
struct WebhookConfigurationTests {
    static let goodSecret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
    static let otherSecret = "whsec_" + Data((0..<24).map { UInt8(255 - $0) }).base64EncodedString()

    let environment = ConfigurationEnvironment(
        variable: {
            [
                "CRM_SECRET": goodSecret, "CRM_SECRET_NEXT": otherSecret,
                "PLAIN": "supersecret-plain-value", "BADB64": "whsec_!!not*base64!!", "SHORT": "whsec_c2hvcnQ=",
            ][$0]
        },
        readFile: { _ in nil })

    /// Makes the plugin from `section` (a `[[plugins]]` table's keys beyond the host's).
    func make(_ section: String) -> (plugin: (any Plugin)?, issues: [String]) {
        nonisolated(unsafe) var plugin: (any Plugin)?
        let issues = ConfigReader.issues(reading: "[[plugins]]\n" + section, file: "c.toml", environment: environment) { root in
            for table in root.tables("plugins") {
                plugin = WebhookPluginFactory().makePlugin(instance: "crm", filter: .all, config: table)
            }
        }
        return (plugin, issues.map(\.description))
    }

    @Test func aCompleteSectionMakesThePlugin() throws {
        let (plugin, issues) = make("""
            url = "https://crm.example/hooks/sentralbord?token=abc"
            secrets = ["env:CRM_SECRET", "env:CRM_SECRET_NEXT"]
            request_timeout_seconds = 4
            """)
        #expect(issues.isEmpty)
        let webhook = try #require(plugin as? WebhookPlugin)
        #expect(webhook.identity == PluginIdentity(kind: "webhook", instance: "crm"))
        #expect(webhook.endpoint.url == "https://crm.example/hooks/sentralbord?token=abc")
        #expect(webhook.endpoint.signingKeys.map(\.source) == [.environment("CRM_SECRET"), .environment("CRM_SECRET_NEXT")])
        #expect(webhook.endpoint.requestTimeout == .seconds(4))
        #expect("\(webhook)" == "webhook/crm → https://crm.example (2 signing keys, timeout 4.0 seconds)")
        #expect(WebhookPluginFactory().kind == "webhook")
    }

    @Test func theTimeoutDefaultsToTenSeconds() throws {
        let (plugin, issues) = make("url = \"http://127.0.0.1:8080/h\"\nsecrets = [\"env:CRM_SECRET\"]")
        #expect(issues.isEmpty)
        #expect(try #require(plugin as? WebhookPlugin).endpoint.requestTimeout == .seconds(10))
    }

    @Test func badURLsAreReportedAtTheKey() {
        for (url, message) in [
            ("ftp://crm.example/hook", "expected an http:// or https:// URL, found the scheme \"ftp\""),
            ("crm.example/hook", "expected an absolute http:// or https:// URL"),
            ("https://user:pw@crm.example/hook", "credentials do not belong in the URL; the receiver verifies the webhook-signature header instead"),
        ] {
            let (plugin, issues) = make("url = \"\(url)\"\nsecrets = [\"env:CRM_SECRET\"]")
            #expect(plugin == nil)
            #expect(issues == ["c.toml:2:7: plugins[0].url: \(message)"])
        }
    }

    @Test func missingKeysAreReported() {
        let (plugin, issues) = make("request_timeout_seconds = 0")
        #expect(plugin == nil)
        #expect(issues == [
            "c.toml:1:1: plugins[0]: missing required key \"url\"",
            "c.toml:1:1: plugins[0]: missing required key \"secrets\"",
            "c.toml:2:27: plugins[0].request_timeout_seconds: 0 is out of range 1…300",
        ])
    }

    @Test func badSecretsAreReportedWithoutTheirValue() {
        let (plugin, issues) = make("""
            url = "https://crm.example/hook"
            secrets = ["env:PLAIN", "env:BADB64", "env:SHORT", "env:UNSET", "whsec_literal"]
            """)
        #expect(plugin == nil)
        #expect(issues == [
            "c.toml:3:11: plugins[0].secrets: env:PLAIN does not start with \"whsec_\" (expected whsec_ followed by base64)",
            "c.toml:3:11: plugins[0].secrets: env:BADB64 is not valid base64 after \"whsec_\"",
            "c.toml:3:11: plugins[0].secrets: env:SHORT holds a 5-byte key; at least 24 bytes are needed",
            "c.toml:3:52: plugins[0].secrets[3]: environment variable UNSET is not set",
            "c.toml:3:65: plugins[0].secrets[4]: a secret must name where it lives, \"env:NAME\" or \"file:PATH\"; it is never written literally",
        ])
        #expect(!issues.joined().contains("supersecret-plain-value"))
        #expect(!issues.joined().contains("not*base64"))
        #expect(!issues.joined().contains("whsec_literal"))
    }

    @Test func anEmptySecretListIsReported() {
        let (plugin, issues) = make("url = \"https://crm.example/hook\"\nsecrets = []")
        #expect(plugin == nil)
        #expect(issues == ["c.toml:3:11: plugins[0].secrets: expected at least one \"env:NAME\" or \"file:PATH\" secret"])
    }

    @Test func aSigningKeyNeverPrintsItsBytes() throws {
        let key = try WebhookSigningKey(secret: Secret(Self.goodSecret, from: .environment("CRM_SECRET")))
        var dumped = ""
        dump(key, to: &dumped)
        for text in ["\(key)", String(reflecting: key), dumped] {
            #expect(text.contains("env:CRM_SECRET"))
            #expect(!text.contains(Self.goodSecret.dropFirst(6)))
            #expect(!text.contains("31"), "no key byte values")
        }
    }
}
