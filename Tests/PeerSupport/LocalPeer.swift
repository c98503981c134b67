import Dispatch
import Foundation

/// A Python peer process on loopback for tests (an HTTP echo server, an SMTP server, a
/// webhook receiver): started with a script, it prints its port first and then one line per
/// event; its output is read and the process reaped off Swift's cooperative pool; stopped by
/// terminating that one process by its id.
public final class LocalPeer: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private var buffered = Data()
    /// The port the peer listens on (127.0.0.1 only).
    public private(set) var port = 0

    /// Whether `/usr/bin/python3` can import `module`.
    public static func pythonHas(_ module: String) -> Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        check.arguments = ["-c", "import \(module)"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }

    /// The path of a Python 3 that can import `module`: `/usr/bin/python3`, else the first
    /// `python3` on the PATH (pip may have installed the module for that one, as it does for
    /// moto); nil when neither can.
    public static func python(having module: String) -> String? {
        if pythonHas(module) { return "/usr/bin/python3" }
        let find = Process()
        let output = Pipe()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        find.arguments = ["python3", "-c", "import sys, \(module); print(sys.executable)"]
        find.standardOutput = output
        find.standardError = FileHandle.nullDevice
        guard (try? find.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        find.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return find.terminationStatus == 0 && !path.isEmpty ? path : nil
    }

    /// Starts `PYTHON -u -c script arguments…` (`python` defaults to `/usr/bin/python3`) and
    /// waits for the port it prints.
    public init(script: String, arguments: [String] = [], python: String = "/usr/bin/python3") async throws {
        process.executableURL = URL(fileURLWithPath: python)
        // A child inherits the spawning thread's blocked signals, and Swift's runtime threads
        // may block SIGTERM: unblock it so `stop()` ends the peer.
        let unblock = "import signal; signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])\n"
        process.arguments = ["-u", "-c", unblock + script] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = await nextLine(), let port = Int(line) else {
            stop()
            throw PeerError(message: "peer did not print its port")
        }
        self.port = port
    }

    /// The next line the peer printed, waiting for it off Swift's cooperative pool; nil at end
    /// of output.
    public func nextLine() async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.readLine()) }
        }
    }

    private func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffered[buffered.startIndex..<newline]
                buffered = Data(buffered[buffered.index(after: newline)...])
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return nil }
            buffered.append(chunk)
        }
    }

    /// Terminates the peer and waits, off the cooperative pool, until it has exited (so its
    /// port is closed).
    public func stopAndWait() async {
        stop()
        let process = self.process
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// Terminates the peer process (only it, by its process id); it is reaped off the
    /// cooperative pool.
    public func stop() {
        if process.isRunning {
            process.terminate()
        }
        let process = self.process
        DispatchQueue.global().async { process.waitUntilExit() }
    }

    /// The peer did not start as expected.
    public struct PeerError: Error {
        /// What went wrong.
        public let message: String
    }
}
