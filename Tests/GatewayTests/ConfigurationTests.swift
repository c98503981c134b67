import Foundation
import Gateway
import PluginKit
import Switchboard
import Testing

/// Parses `text` as `test.toml` with a fixed environment.
private func load(_ text: String, environment: [String: String] = [:], files: [String: String] = [:]) throws(ConfigurationError) -> GatewayConfiguration {
    let env = ConfigurationEnvironment(variable: { environment[$0] }, readFile: { files[$0] })
    return try GatewayConfiguration.parse(text, file: "test.toml", environment: env)
}

/// The issues `text` produces, as printed lines.
private func issues(_ text: String, environment: [String: String] = [:]) -> [String] {
    do {
        _ = try load(text, environment: environment)
        return []
    } catch {
        return error.issues.map(\.description)
    }
}

private let minimalTenant = """
    [[tenants]]
    id = "acme"
    name = "Acme AS"
    """

@Suite("Configuration: reading, defaults, validation")
struct ConfigurationTests {
    @Test func theShippedConfigIsValidAndDescribesTheDemoCompany() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config.toml").path
        let configuration = try GatewayConfiguration.load(path: path)
        let tenant = try #require(configuration.tenants.first)
        #expect(tenant.users.count >= 5)
        #expect(tenant.queues.count >= 2)
        #expect(tenant.users.contains { $0.role == .admin })
        #expect(tenant.queues.allSatisfy { !$0.members.isEmpty })
        #expect(configuration.server.listen.port == 8080)
    }

    @Test func emptyFileGivesDefaults() throws {
        let configuration = try load("")
        #expect(configuration == GatewayConfiguration())
        #expect(configuration.server.listen.description == "127.0.0.1:8080")
        #expect(configuration.server.maxRequestBytes == 1_048_576)
        #expect(configuration.log.level == .info)
        #expect(configuration.log.format == .text)
    }

    @Test func readsEverySection() throws {
        let configuration = try load("""
            [server]
            listen = "[::1]:9090"
            threads = 4
            [log]
            level = "debug"
            format = "json"
            [storage]
            data_directory = "/var/lib/sentralbord"
            \(minimalTenant)
            language = "en"
            [[tenants.users]]
            id = "a"
            name = "Anne"
            mobile = "912 34 567"
            role = "team_leader"
            [[tenants.queues]]
            id = "q"
            name = "Q"
            main_number = "22 22 22 22"
            members = [{ user = "a", priority = 3 }]
            """)
        #expect(configuration.server.listen == ListenAddress(host: "::1", port: 9090))
        #expect(configuration.server.threads == 4)
        #expect(configuration.log.level == .debug && configuration.log.format == .json)
        #expect(configuration.storage.databasePath == "/var/lib/sentralbord/sentralbord.sqlite")
        let tenant = try #require(configuration.tenants.first)
        #expect(tenant.language == .en)
        #expect(tenant.users[0].mobile?.e164 == "+4791234567")
        #expect(tenant.users[0].role == .teamLeader)
        #expect(tenant.users[0].language == .en)
        #expect(tenant.queues[0].members == [.init(user: "a", priority: 3)])
        #expect(tenant.queues[0].ringTimeoutSeconds == 20)
    }

    @Test func relativeDataDirectoryIsResolvedAgainstTheConfigFilesFolder() throws {
        let env = ConfigurationEnvironment(variable: { _ in nil }, readFile: { _ in nil })
        let configuration = try GatewayConfiguration.parse("[storage]\ndata_directory = \"state\"", file: "/etc/sentralbord/config.toml", environment: env)
        #expect(configuration.storage.dataDirectory == "/etc/sentralbord/state")
    }

    @Test func malformedTOMLNamesFileLineAndColumn() {
        #expect(issues("[server]\nlisten 8080\n").count == 1)
        let issue = issues("[server]\nlisten 8080\n")[0]
        #expect(issue.hasPrefix("test.toml:2:"))
        #expect(issue.contains("expected"))
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let found = issues("""
            [server]
            listen = "127.0.0.1:70000"
            threads = "two"
            lissten = 1
            [log]
            level = "loud"
            [[tenants]]
            id = "Bad Id"
            [[tenants.users]]
            id = "u"
            name = "U"
            mobile = "12"
            """)
        #expect(found == [
            "test.toml:2:10: server.listen: port 70000 is out of range 0…65535",
            "test.toml:3:11: server.threads: expected an integer, found a string",
            "test.toml:4:11: server.lissten: unknown key; expected one of: connection_timeout_seconds, connections_per_address, listen, max_buffered_request_bytes, max_buffered_request_bytes_per_address, max_request_bytes, request_head_timeout_seconds, shutdown_grace_seconds, stream_heartbeat_seconds, streams_per_caller, streams_per_company, threads, trusted_proxies",
            "test.toml:6:9: log.level: \"loud\" is not one of \"trace\", \"debug\", \"info\", \"notice\", \"warning\", \"error\", \"critical\"",
            "test.toml:7:1: tenants[0]: missing required key \"name\"",
            "test.toml:8:6: tenants[0].id: \"Bad Id\" is not an identifier; expected 1–64 of a–z, 0–9, '-' and '_', starting with a letter or digit",
            "test.toml:12:10: tenants[0].users[0].mobile: \"12\" is not a valid phone number: a Norwegian number has 8 digits, found 2; write other countries' numbers with '+' and the country code",
        ])
    }

    @Test func unknownSectionsAndNestedKeysAreReported() {
        let found = issues("""
            [sever]
            listen = "x"
            \(minimalTenant)
            [[tenants.users]]
            id = "u"
            name = "U"
            phone = "91234567"
            """)
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("test.toml:1:1: sever: unknown key; expected one of: auth, log, plugins, server, simulation, storage, tenants"))
        #expect(found[1].hasPrefix("test.toml:9:9: tenants[0].users[0].phone: unknown key; expected one of: department, email, id"))
    }

    @Test func crossReferencesAreChecked() {
        let found = issues("""
            \(minimalTenant)
            [[tenants.users]]
            id = "u"
            name = "U"
            mobile = "91234567"
            [[tenants.users]]
            id = "u"
            name = "V"
            ip_number = "+47 912 34 567"
            email = "not-an-email"
            [[tenants.queues]]
            id = "q"
            name = "Q"
            main_number = "21000000"
            after_max_wait = "overflow"
            overflow_queue = "q"
            members = [{ user = "nobody" }, { user = "u", priority = 100 }]
            [[tenants.queues]]
            id = "r"
            name = "R"
            main_number = "21 00 00 00"
            overflow_queue = "missing"
            """)
        #expect(found.contains { $0.contains("tenants[0].users[1].id: duplicate user id \"u\"") })
        #expect(found.contains { $0.contains("tenants[0].users[1].ip_number: +4791234567 is already the number of user \"u\"") })
        #expect(found.contains { $0.contains("tenants[0].users[1].email: \"not-an-email\" is not an email address") })
        #expect(found.contains { $0.contains("tenants[0].queues[0].members[1].priority: 100 is out of range 1…99") })
        #expect(found.contains { $0.contains("tenants[0].queues[0].members: member \"nobody\" is not a user of this company") })
        #expect(found.contains { $0.contains("tenants[0].queues[0].overflow_queue: a queue cannot overflow into itself") })
        #expect(found.contains { $0.contains("tenants[0].queues[1].main_number: +4721000000 is already the number of queue \"q\"") })
        #expect(found.contains { $0.contains("tenants[0].queues[1].overflow_queue: \"missing\" is not a queue of this company") })
    }

    @Test func duplicateTenantsAreRejected() {
        #expect(issues(minimalTenant + "\n" + minimalTenant).contains { $0.hasSuffix("tenants[1].id: duplicate tenant id \"acme\"") })
    }

    @Test func listenAddressesParseAndFailClearly() throws {
        #expect(try ListenAddress(parsing: "0.0.0.0:0") == ListenAddress(host: "0.0.0.0", port: 0))
        #expect(try ListenAddress(parsing: "[::1]:8080").description == "[::1]:8080")
        #expect(try ListenAddress(parsing: "localhost:80") == ListenAddress(host: "127.0.0.1", port: 80))
        for bad in ["8080", ":8080", "localhost:", "localhost:http", "::1:80", "[::1]8080", "host:-1", "example.com:80", "999.1.1.1:80"] {
            #expect(throws: ConfigValueError.self) { try ListenAddress(parsing: bad) }
        }
    }
}

@Suite("Configuration: secrets")
struct SecretConfigurationTests {
    /// A tiny section that asks for a secret, as plugins will.
    struct Section {
        let token: Secret?
        init(config: ConfigReader) { token = config.secret("token", required: true) }
    }

    private func readSecret(_ value: String, environment: [String: String] = [:], files: [String: String] = [:]) -> (Secret?, [String]) {
        var result: Secret?
        let env = ConfigurationEnvironment(variable: { environment[$0] }, readFile: { files[$0] })
        let found = ConfigReader.issues(reading: "token = \(value)", file: "/etc/sb/config.toml", environment: env) {
            result = Section(config: $0).token
        }.map(\.description)
        return (result, found)
    }

    @Test func environmentSecretsResolve() {
        let (secret, found) = readSecret("\"env:TOKEN\"", environment: ["TOKEN": "abc123"])
        #expect(found.isEmpty)
        #expect(secret?.reveal() == "abc123")
        #expect(secret?.description == "<redacted env:TOKEN>")
    }

    @Test func fileSecretsResolveRelativeToTheConfigFileWithoutTrailingNewline() {
        let (secret, found) = readSecret("\"file:token.txt\"", files: ["/etc/sb/token.txt": "from-file\n"])
        #expect(found.isEmpty)
        #expect(secret?.reveal() == "from-file")
    }

    @Test func literalSecretsAreRejectedWithoutEchoingThem() {
        let (secret, found) = readSecret("\"hunter2-literal\"")
        #expect(secret == nil)
        #expect(found.count == 1)
        #expect(found[0].contains("never written literally"))
        #expect(!found[0].contains("hunter2"))
    }

    @Test func missingVariablesAndFilesAreNamed() {
        #expect(readSecret("\"env:NOPE\"").1 == ["/etc/sb/config.toml:1:9: token: environment variable NOPE is not set"])
        #expect(readSecret("\"file:/missing\"").1 == ["/etc/sb/config.toml:1:9: token: cannot read secret file /missing"])
    }
}

@Test("Configuration: the effective TOML reads back to the same configuration")
func effectiveConfigurationRoundTrips() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config.toml").path
    let original = try GatewayConfiguration.load(path: path)
    let reread = try GatewayConfiguration.parse(original.effectiveTOML, file: "/effective.toml")
    #expect(reread == original)
}

@Test("Configuration: a quoted key with a dot is its own key, reported when unknown")
func quotedDottedKeyIsNotTakenForANestedOne() {
    do {
        _ = try GatewayConfiguration.parse("\"server.listen\" = \"x\"\n[server]\nlisten = \"127.0.0.1:80\"\n", file: "test.toml")
        Issue.record("expected an unknown key")
    } catch {
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.description.hasPrefix("test.toml:1:19: \"server.listen\": unknown key") == true)
    }
}
