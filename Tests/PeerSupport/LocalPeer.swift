import Dispatch
import Foundation
import Synchronization

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

    /// The tests' Python: the project-local virtual environment `make test-deps` makes
    /// (`.build/venv`, from Debian's python3, with the pinned PyPI tools and Debian's own
    /// Python packages), or `SENTRALBORD_TEST_PYTHON` when set.
    public static let python: String = {
        if let configured = ProcessInfo.processInfo.environment["SENTRALBORD_TEST_PYTHON"], !configured.isEmpty {
            return configured
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/venv/bin/python3").path
    }()

    /// The tests' Python after checking that it can import `module`; a missing interpreter or
    /// module is an error that says what to install (a test never skips for want of a peer).
    /// Each module is checked once per test run.
    public static func python(requiring module: String) throws -> String {
        if let known = checkedModules.withLock({ $0[module] }) { return try known.get() }
        let result = Result { () throws(PeerError) -> String in try check(module) }
        checkedModules.withLock { $0[module] = result }
        return try result.get()
    }

    private static let checkedModules = Mutex<[String: Result<String, PeerError>]>([:])

    private static func check(_ module: String) throws(PeerError) -> String {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import \(module)"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        do {
            try check.run()
        } catch {
            throw PeerError(message: "the tests' Python \(python) cannot start (\(error)); run `make test-deps`, which makes it")
        }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            throw PeerError(message: "the tests' Python \(python) cannot import \(module); run `make test-deps` "
                + "(Debian packages and tools/test-requirements.txt)")
        }
        return python
    }

    /// Starts `PYTHON -u -c script arguments…` with the tests' Python, after checking that it
    /// can import `module` (the peer's one non-standard module, if any), and waits for the port
    /// it prints.
    public init(script: String, arguments: [String] = [], requiring module: String = "http.server") async throws {
        process.executableURL = URL(fileURLWithPath: try Self.python(requiring: module))
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
    public struct PeerError: Error, CustomStringConvertible {
        /// What went wrong.
        public let message: String
        /// The message, so a failed test says what to install.
        public var description: String { message }

        /// Creates an error saying `message`.
        public init(message: String) { self.message = message }
    }
}
