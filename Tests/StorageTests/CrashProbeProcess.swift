import PluginKit
import Foundation
import Synchronization
import Testing

/// An `eventlog-crash-probe` child appending to a log, with the event ids it acknowledged
/// on standard output collected as they arrive.
final class CrashProbeProcess: Sendable {
    private let process: Process
    private let output = CollectedBytes()

    /// The built probe beside the test bundle (or in the default build folder).
    static var executable: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("eventlog-crash-probe").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/eventlog-crash-probe").path
    }

    init(database: String, run: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = [database, run]
        let pipe = Pipe()
        process.standardOutput = pipe
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.state.withLock { output in
                if data.isEmpty { output.ended = true } else { output.bytes += data }
            }
            if data.isEmpty { handle.readabilityHandler = nil }
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// The ids acknowledged so far: complete lines only.
    var acknowledged: [String] {
        let text = output.state.withLock { String(decoding: $0.bytes, as: UTF8.self) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        return lines.map(String.init)
    }

    /// Kills the child with SIGKILL (by its pid) and waits until it has exited and its
    /// output has ended; returns whether it died of the signal.
    func kill9() async throws -> Bool {
        kill(process.processIdentifier, SIGKILL)
        let deadline = ContinuousClock.now + .seconds(15)
        while process.isRunning || !output.state.withLock({ $0.ended }) {
            guard ContinuousClock.now < deadline else {
                Issue.record("probe \(pid) did not finish after SIGKILL")
                return false
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }
}

/// A child's standard output as it arrives, and whether it has ended.
private final class CollectedBytes: Sendable {
    let state = Mutex((bytes: Data(), ended: false))
}
