import PluginKit
import Foundation
import Gateway
import SentralbordCLI
import Storage
import Testing

/// `sentralbord api-keys create` and the argument checks of `sentralbord simulate`.
@Suite("sentralbord api-keys and simulate")
struct APIKeysCommandTests {
    private func run(_ arguments: [String]) async -> (status: ExitCode, out: String, err: String) {
        let capture = CapturedConsole()
        let status = await SentralbordCLI.run(arguments, console: capture.console)
        return (status, capture.out, capture.err)
    }

    @Test func createdKeysArePrintedOnceAndStoredOnlyAsHashes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.toml").path
        try "[storage]\ndata_directory = \"data\"\n[[tenants]]\nid = \"acme\"\nname = \"Acme\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let created = await run(["api-keys", "create", "--config", config, "--tenant", "acme", "--name", "crm", "--scopes", "read,telephony", "--json"])
        #expect(created.status == .success)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(created.out.utf8)) as? [String: Any])
        let key = try #require(object["key"] as? String)
        #expect(key.hasPrefix("sbk_") && key.count >= 40)
        let storage = try await GatewayStorage.open(try GatewayConfiguration.load(path: config).storage)
        let rows = try await storage.access.apiKeys.rows(tenant: "acme")
        #expect(rows.count == 1 && rows[0].scopes == ["read", "telephony"])
        // Every file of the database: the row may still be only in the write-ahead log.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path)
        #expect(files.contains("sentralbord.sqlite-wal"), "the WAL is among the files scanned")
        for file in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("data/\(file)"))
            #expect(bytes.range(of: Data(key.utf8)) == nil, "the key itself is in \(file)")
        }
        #expect(await run(["api-keys", "create", "--config", config, "--tenant", "nope", "--name", "x", "--scopes", "read"]).status == .usage)
        #expect(await run(["api-keys", "create", "--config", config, "--tenant", "acme", "--name", "x", "--scopes", "root"]).status == .usage)
    }

    @Test func simulateChecksItsArguments() async {
        #expect(await run(["simulate", "--rate", "0", "--key", "k"]).status == .usage)
        #expect(await run(["simulate", "--rate", "2", "--key", "k", "--url", "ftp://x"]).status == .usage)
        #expect(await run(["simulate", "--key", "k", "--answer-percent", "120"]).status == .usage)
        let refused = await run(["simulate", "--key", "k", "--url", "http://127.0.0.1:9", "--duration", "1"])
        #expect(refused.status == .unavailable, "no gateway there: \(refused.err)")
    }
}
