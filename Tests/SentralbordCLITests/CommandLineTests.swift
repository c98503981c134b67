import PluginKit
import Foundation
import SentralbordCLI
import Testing

/// Runs `sentralbord ARGUMENTS` in-process and returns status and output.
private func run(_ arguments: [String]) async -> (status: ExitCode, out: String, err: String) {
    let capture = CapturedConsole()
    let status = await SentralbordCLI.run(arguments, console: capture.console)
    return (status, capture.out, capture.err)
}

private func temporaryFile(_ contents: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString).toml").path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("sentralbord command line")
struct CommandLineTests {
    @Test func noArgumentsPrintsOverviewAndExits64() async {
        let result = await run([])
        #expect(result.status == .usage)
        #expect(result.err.contains("Usage: sentralbord COMMAND"))
    }

    @Test func helpListsCommandsAndExits0() async {
        for arguments in [["help"], ["--help"], ["-h"]] {
            let result = await run(arguments)
            #expect(result.status == .success)
            for command in ["serve", "check-config", "version"] { #expect(result.out.contains(command)) }
        }
    }

    @Test(arguments: ["serve", "check-config", "version", "plugins status", "plugins replay-dead", "sms quote", "billing export"])
    func everyCommandHasHelp(command: String) async {
        let words = command.split(separator: " ").map(String.init)
        let viaFlag = await run(words + ["--help"])
        let viaHelp = await run(["help"] + words)
        #expect(viaFlag.status == .success && viaHelp.status == .success)
        #expect(viaFlag.out.contains("Usage: sentralbord \(command)"))
        #expect(viaFlag.out == viaHelp.out)
    }

    @Test func unknownCommandExits64AndListsCommands() async {
        let result = await run(["srve"])
        #expect(result.status == .usage)
        #expect(result.err.contains("unknown command 'srve'; expected one of: serve, check-config, check-storage, plugins status, plugins replay-dead, api-keys create, simulate, sms quote, billing export, version, help"))
        #expect(await run(["help", "srve"]).status == .usage)
    }

    @Test func aCommandGroupWithoutSubcommandListsItsSubcommands() async {
        let result = await run(["plugins"])
        #expect(result.status == .usage)
        #expect(result.err.contains("'plugins' needs a subcommand: plugins status, plugins replay-dead"))
    }

    @Test func versionPrintsTheVersion() async {
        let result = await run(["version"])
        #expect(result.status == .success)
        #expect(result.out.hasPrefix("sentralbord "))
    }

    @Test func serveRejectsABadListenAddressBeforeStarting() async {
        let result = await run(["serve", "--listen", "localhost:99999"])
        #expect(result.status == .usage)
        #expect(result.err.contains("--listen: port 99999 is out of range 0…65535"))
    }

    @Test func checkConfigPrintsTheEffectiveConfiguration() async throws {
        let path = try temporaryFile("[server]\nlisten = \"127.0.0.1:9000\"\n[[tenants]]\nid = \"a\"\nname = \"A\"\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await run(["check-config", path])
        #expect(result.status == .success)
        #expect(result.out.contains("listen = \"127.0.0.1:9000\""))
        #expect(result.out.contains("max_request_bytes = 1048576"))
        #expect(result.out.contains("[[tenants]]"))
        #expect(result.err.contains("OK (1 tenants"))
    }

    @Test func checkConfigExits78WithEveryProblem() async throws {
        let path = try temporaryFile("[server]\nlisten = \"x\"\nthreads = 0\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await run(["check-config", path])
        #expect(result.status == .configuration)
        #expect(result.err.contains("\(path):2:10: server.listen: expected HOST:PORT"))
        #expect(result.err.contains("\(path):3:11: server.threads: 0 is out of range 1…64"))
        #expect(result.err.contains("2 problems"))
        #expect(result.out.isEmpty)
    }

    @Test func checkConfigOfAMissingFileExits78() async {
        let result = await run(["check-config", "/nonexistent/config.toml"])
        #expect(result.status == .configuration)
        #expect(result.err.contains("/nonexistent/config.toml: cannot read the configuration file"))
    }

    @Test func serveWithABrokenConfigStartsNothingAndExits78() async throws {
        let path = try temporaryFile("[server]\nlisten = 8080\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await run(["serve", "--config", path])
        #expect(result.status == .configuration)
        #expect(result.err.contains("server.listen: expected a string, found an integer"))
    }
}

@Test("check-config shows a plugin's own keys, secrets only by where they come from")
func checkConfigShowsPluginKeysWithSecretsRedacted() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString).toml").path
    try """
        [[plugins]]
        name = "crm"
        kind = "webhook"
        url = "https://crm.example/hooks"
        secrets = ["env:SB_CHECK_CONFIG_SECRET"]
        """.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    setenv("SB_CHECK_CONFIG_SECRET", "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString(), 1)
    let capture = CapturedConsole()
    let status = await SentralbordCLI.run(["check-config", path], console: capture.console)
    #expect(status == .success, "\(capture.err)")
    #expect(capture.out.contains("url = \"https://crm.example/hooks\""))
    #expect(capture.out.contains("secrets = [\"<redacted env:SB_CHECK_CONFIG_SECRET>\"]"))
    #expect(!capture.out.contains("whsec_"))
}
