import Foundation
import Gateway
import PluginKit
import Testing

/// `[auth]` and `[[tenants.api_keys]]`: defaults, ranges, and keys that are never echoed.
@Suite("Configuration of login and API keys")
struct AccessConfigurationTests {
    private func parse(_ text: String, environment: [String: String] = [:]) throws(ConfigurationError) -> GatewayConfiguration {
        try GatewayConfiguration.parse(
            text, file: "test.toml", environment: ConfigurationEnvironment(variable: { environment[$0] }, readFile: { _ in nil }))
    }

    private func issues(_ text: String, environment: [String: String] = [:]) -> [String] {
        do {
            _ = try parse(text, environment: environment)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func authHasSafeDefaultsAndChecksItsRanges() throws {
        let defaults = try parse("")
        #expect(defaults.auth.codeValidSeconds == 300 && defaults.auth.codeAttempts == 5 && defaults.auth.codeDelivery == .log)
        let found = issues("[auth]\ncode_valid_seconds = 5\ncode_delivery = \"carrier-pigeon\"\nsession_hourz = 1")
        #expect(found.count == 3)
        #expect(found.contains { $0.contains("auth.code_valid_seconds") })
        #expect(found.contains { $0.contains("auth.code_delivery") })
        #expect(found.contains { $0.contains("auth.session_hourz: unknown key") })
    }

    @Test func apiKeysNeedScopesAndALongSecretThatIsNeverShown() throws {
        let tenant = "[[tenants]]\nid = \"acme\"\nname = \"Acme\"\n"
        let secret = "short-secret"
        let found = issues(
            tenant + "[[tenants.api_keys]]\nname = \"crm\"\nscopes = [\"read\", \"root\"]\nkey = \"env:KEY\"\n",
            environment: ["KEY": secret])
        #expect(found.contains { $0.contains("tenants[0].api_keys[0].scopes: unknown scope \"root\"") })
        #expect(found.contains { $0.contains("tenants[0].api_keys[0].key: an API key must be at least 32 characters long") })
        #expect(!found.joined().contains(secret))
        let literal = issues(tenant + "[[tenants.api_keys]]\nname = \"crm\"\nscopes = [\"read\"]\nkey = \"sbk_literal_key_in_the_file_0123456789\"\n")
        #expect(literal.count == 1 && !literal[0].contains("sbk_literal"), "a literal key is refused without being echoed")
        let long = String(repeating: "k", count: 40)
        let configuration = try parse(
            tenant + "[[tenants.api_keys]]\nname = \"crm\"\nscopes = [\"read\", \"telephony\"]\nkey = \"env:KEY\"\n", environment: ["KEY": long])
        #expect(configuration.tenants[0].apiKeys.first?.scopes == [.read, .telephony])
        #expect(!configuration.effectiveTOML.contains(long) && configuration.effectiveTOML.contains("env:KEY"))
    }
}
