import Foundation
import HTTPClient
import PluginKit
import Synchronization
import Testing

/// A `sentralbord serve` child process on 127.0.0.1 with an ephemeral port and its own data
/// directory; stopped by its process id.
final class ServeProcess: Sendable {
    let dataDirectory: String
    private let process: Process
    private let collected = CollectedOutput()

    /// The built executable beside the test bundle (or in the default build folder).
    static var executable: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sentralbord").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/sentralbord").path
    }

    init(config: (_ dataDirectory: String) -> String, arguments: [String] = [], environment: [String: String] = [:], dataDirectory: String? = nil) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.dataDirectory = dataDirectory ?? folder.appendingPathComponent("data").path
        let configPath = folder.appendingPathComponent("config.toml").path
        try config(self.dataDirectory).write(toFile: configPath, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--config", configPath] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let collected = self.collected
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        }
        try process.run()
    }

    var output: String { collected.text.withLock { $0 } }
    var pid: Int32 { process.processIdentifier }

    /// Waits until the log says where the server listens, and returns the port.
    func port(timeout: Duration = .seconds(20)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let range = output.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = Int(output[range].split(separator: ":").last!) {
                return port
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("serve did not report a listening address; output:\n\(output)")
        throw CancellationError()
    }

    /// Sends `signal` to the child and waits for it to exit; nil if it did not within `timeout`.
    func stop(with signal: Int32, timeout: Duration = .seconds(15)) async throws -> Int32? {
        kill(process.processIdentifier, signal)
        return try await exitStatus(timeout: timeout)
    }

    func exitStatus(timeout: Duration = .seconds(15)) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                return nil
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }
}

/// Standard error of a child, collected as it arrives.
final class CollectedOutput: Sendable {
    let text = Mutex("")
}

private func config(port: Int = 0, format: String = "json") -> (String) -> String {
    { data in
        """
        [server]
        listen = "127.0.0.1:\(port)"
        max_request_bytes = 4096
        shutdown_grace_seconds = 2
        [storage]
        data_directory = "\(data)"
        [log]
        format = "\(format)"
        """
    }
}

@Suite("sentralbord serve, as a process", .serialized)
struct ServeProcessTests {
    let session = HTTPSession()

    func get(_ port: Int, _ path: String) async throws -> HTTPClientResponse {
        try await session.send(HTTPClientRequest(method: .get, url: "http://127.0.0.1:\(port)\(path)", timeout: .seconds(5)))
    }

    @Test func servesHealthVersionAndProblemsThenStopsOnSIGTERM() async throws {
        let serve = try ServeProcess(config: config())
        let port = try await serve.port()

        let health = try await get(port, "/healthz")
        #expect(health.status == 200)
        #expect(health.text == #"{"status":"ok","storage":"ok"}"#)

        let version = try await get(port, "/api/v1/version")
        let versionBody = try JSONSerialization.jsonObject(with: Data(version.body)) as? [String: Any]
        #expect(versionBody?["name"] as? String == "sentralbord")
        #expect(versionBody?["libraries"] == nil, "the C libraries' versions are told only to a caller with a token")

        let missing = try await get(port, "/no/such/thing")
        #expect(missing.status == 404)
        #expect(missing.headers["Content-Type"] == "application/problem+json")

        let oversized = try await session.send(HTTPClientRequest(
            method: .post, url: "http://127.0.0.1:\(port)/healthz", body: Array(repeating: 0x41, count: 10_000), timeout: .seconds(5)))
        #expect(oversized.status == 413)
        #expect(oversized.headers["Content-Type"] == "application/problem+json")

        #expect(try await serve.stop(with: SIGTERM) == 0)
        #expect(FileManager.default.fileExists(atPath: serve.dataDirectory + "/sentralbord.sqlite"))

        let lines = serve.output.split(separator: "\n")
        let records = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(records.count == lines.count, "every log line is one JSON object")
        let requests = records.filter { $0["msg"] == "request" }
        #expect(requests.map { $0["path"] ?? "" } == ["/healthz", "/api/v1/version", "/no/such/thing", "/healthz"])
        #expect(requests.map { $0["status"] ?? "" } == ["200", "200", "404", "413"])
        #expect(requests.allSatisfy { $0["method"] != nil && $0["durationMs"] != nil })
        #expect(records.last?["msg"] == "stopped")
    }

    @Test func stopsGracefullyOnSIGINTAndRefusesConnectionsAfterwards() async throws {
        let serve = try ServeProcess(config: config(format: "text"))
        let port = try await serve.port()
        #expect(try await get(port, "/healthz").status == 200)
        #expect(try await serve.stop(with: SIGINT) == 0)
        #expect(serve.output.contains("received SIGINT"))
        await #expect(throws: TransferError.self) { try await get(port, "/healthz") }
    }

    @Test func aPortInUseExits69WithAClearMessage() async throws {
        let first = try ServeProcess(config: config())
        let port = try await first.port()
        let second = try ServeProcess(config: config(port: port))
        #expect(try await second.exitStatus() == 69)
        #expect(second.output.contains("cannot listen on 127.0.0.1:\(port)"))
        #expect(try await first.stop(with: SIGTERM) == 0)
    }

    @Test func aBrokenConfigStartsNothingAndExits78() async throws {
        let serve = try ServeProcess(config: { _ in "[server]\nlisten = \"127.0.0.1:0\"\nthreads = 0\n" })
        #expect(try await serve.exitStatus() == 78)
        #expect(serve.output.contains(":3:11: server.threads: 0 is out of range 1…64"))
        #expect(!serve.output.contains("listening"))
    }
}
