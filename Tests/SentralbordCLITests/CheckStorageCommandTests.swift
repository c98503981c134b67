import Foundation
import Gateway
import PluginKit
import SentralbordCLI
import Storage
import Testing

/// A damaged index page is noticed (issue 11, item 6): the check at open reports it, health
/// says degraded with the reason, and `sentralbord check-storage` lists it and exits 1.
@Suite("sentralbord check-storage and the check at open", .serialized)
struct CheckStorageCommandTests {
    private static func run(_ arguments: [String]) async -> (status: ExitCode, out: String, err: String) {
        let capture = CapturedConsole()
        let status = await SentralbordCLI.run(arguments, console: capture.console)
        return (status, capture.out, capture.err)
    }

    @Test func aDamagedIndexPageIsFoundAtOpenAndByTheCommand() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.toml").path
        try "[storage]\ndata_directory = \"data\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let configuration = try GatewayConfiguration.load(path: config)

        let (page, pageSize): (Int64, Int64)
        do {
            let storage = try await GatewayStorage.open(configuration.storage)
            #expect(storage.problemsAtOpen.isEmpty)
            #expect(await storage.health() == .ok)
            let events = (1...3000).map { NewEvent(id: "evt-\($0)", type: "call.missed", tenant: "acme", occurredAt: Date()) }
            _ = try await storage.log.append(events)
            try await storage.log.checkpoint()
            (page, pageSize) = try await storage.database.access { database in
                let root = try database.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event' LIMIT 1")
                _ = try root.step()
                let size = try database.prepare("PRAGMA page_size")
                _ = try size.step()
                return (root.int64(at: 0), size.int64(at: 0))
            }
        }
        #expect(await Self.run(["check-storage", "--config", config]).status == .success)

        let file = try FileHandle(forUpdating: URL(fileURLWithPath: configuration.storage.databasePath))
        try file.seek(toOffset: UInt64((page - 1) * pageSize))
        try file.write(contentsOf: Data(repeating: 0xA5, count: 64))
        try file.close()

        let damaged = try await GatewayStorage.open(configuration.storage)
        #expect(!damaged.problemsAtOpen.isEmpty)
        guard case .degraded(let reason) = await damaged.health() else {
            Issue.record("health is not degraded")
            return
        }
        #expect(reason.contains("check-storage"))
        let checked = await Self.run(["check-storage", "--config", config])
        #expect(checked.status == .failure)
        #expect(!checked.out.isEmpty && checked.err.contains("problem"))
    }
}
