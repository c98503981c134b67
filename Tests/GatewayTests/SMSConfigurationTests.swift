import Foundation
import Gateway
import PluginKit
import SMSPlugin
import Testing

@Suite("GW-3 SMS plugin configuration")
struct SMSConfigurationTests {
    static let environment = ConfigurationEnvironment(
        variable: { ["SNS_KEY_ID": "AKID", "SNS_SECRET": "sns-secret-value"][$0] }, readFile: { _ in nil })

    @Test func anSNSInstanceIsReadWithSecretsFromTheEnvironment() throws {
        let configuration = try GatewayConfiguration.parse(
            """
            [[plugins]]
            name = "sms"
            kind = "sms"
            types = ["notification.missedCall.requested"]
            provider = "aws-sns"
            aws_region = "eu-north-1"
            aws_access_key_id = "env:SNS_KEY_ID"
            aws_secret_access_key = "env:SNS_SECRET"
            sender = "Firma"
            unit_price_ore = 45
            monthly_cap_ore = 50000
            merge_window_seconds = 120

            [[plugins.tenant_settings]]
            tenant = "acme"
            unit_price_ore = 39
            """, file: "c.toml", environment: Self.environment)
        let plugin = try #require(configuration.plugins.first?.plugin as? SMSPlugin)
        #expect(plugin.settings.sender == "Firma")
        #expect(plugin.settings.unitPriceOre(tenant: "acme") == 39)
        #expect(plugin.settings.unitPriceOre(tenant: "other") == 45)
        #expect(plugin.settings.monthlyCapOre == 50000 && plugin.settings.mergeWindow == 120)
        guard case .awsSNS(let endpoint, let region, let keyID, let secret, _, _) = plugin.settings.provider else {
            Issue.record("not SNS: \(plugin.settings.provider)")
            return
        }
        #expect(endpoint == "https://sns.eu-north-1.amazonaws.com/" && region == "eu-north-1")
        #expect(keyID.reveal() == "AKID" && secret.reveal() == "sns-secret-value")
        #expect(!"\(plugin)".contains("sns-secret-value"))
        let effective = "\(configuration.plugins[0].settings)"
        #expect(!effective.contains("sns-secret-value"))
    }

    @Test func problemsAreReportedWithTheirKeys() {
        do {
            _ = try GatewayConfiguration.parse(
                """
                [[plugins]]
                name = "sms"
                kind = "sms"
                provider = "twilio"
                twilio_auth_token = "literal-token"
                part_limit = 300
                colour = "blue"
                """, file: "c.toml", environment: Self.environment)
            Issue.record("a broken sms section was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("twilio_account_sid"))
            #expect(text.contains("twilio_auth_token"))
            #expect(text.contains("part_limit"))
            #expect(text.contains("colour"))
            #expect(!text.contains("literal-token"))
        }
    }

    @Test func theDefaultProviderIsLog() throws {
        let configuration = try GatewayConfiguration.parse(
            "[[plugins]]\nname = \"sms\"\nkind = \"sms\"\n", file: "c.toml", environment: Self.environment)
        let plugin = try #require(configuration.plugins.first?.plugin as? SMSPlugin)
        #expect("\(plugin)" == "sms/sms via log")
    }
}
