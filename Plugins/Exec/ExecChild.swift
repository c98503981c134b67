import Foundation
import Glibc
import PluginKit
import Synchronization

/// One running instance of a plugin's executable: its stdin as a ``PipeInput``, its stdout as
/// a ``LineChannel`` of acknowledgements, its stderr logged line by line at warning.
///
/// The process is started in a process group of its own (Foundation's `Process` does that), so
/// ending it ends whatever it started as well.
final class ExecChild: Sendable {
    /// Why a write did not get through.
    enum SendFailure: Error {
        /// The child is gone or closed its stdin.
        case closed
        /// The calling task was cancelled.
        case cancelled
    }

    /// The child's process id.
    let pid: Int32
    /// Lines from its stdout.
    let output: LineChannel
    private let input: PipeInput
    private let exit: ChildExit

    private init(pid: Int32, input: PipeInput, output: LineChannel, exit: ChildExit) {
        self.pid = pid
        self.input = input
        self.output = output
        self.exit = exit
    }

    /// Starts `command`. The process is spawned on a thread of its own whose signal mask is
    /// empty: a child inherits its spawning thread's mask, and the pool threads block SIGTERM,
    /// which would make the child deaf to a polite stop.
    static func start(_ command: ExecCommand, instance: String, logger: Logger) async throws -> ExecChild {
        let stdin = try makePipe()
        let stdout = try makePipe()
        let stderr = try makePipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.environment = command.environment(instance: instance)
        process.standardInput = FileHandle(fileDescriptor: stdin.read, closeOnDealloc: false)
        process.standardOutput = FileHandle(fileDescriptor: stdout.write, closeOnDealloc: false)
        process.standardError = FileHandle(fileDescriptor: stderr.write, closeOnDealloc: false)
        let exit = ChildExit()
        process.terminationHandler = { finished in exit.record(finished.terminationStatus) }
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let spawner = Thread {
                    var none = sigset_t()
                    sigemptyset(&none)
                    pthread_sigmask(SIG_SETMASK, &none, nil)
                    do {
                        try process.run()
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                spawner.name = "exec-spawn"
                spawner.start()
            }
        } catch {
            for descriptor in [stdin.read, stdin.write, stdout.read, stdout.write, stderr.read, stderr.write] {
                _ = Glibc.close(descriptor)
            }
            throw error
        }
        for descriptor in [stdin.read, stdout.write, stderr.write] { _ = Glibc.close(descriptor) }
        let pid = process.processIdentifier
        let output = LineChannel()
        OutputLines.read(stdout.read, name: "exec-stdout", limit: 1 << 20, line: output.push, end: output.finish)
        var errorLog = logger
        errorLog.metadata["instance"] = instance
        errorLog.metadata["pid"] = "\(pid)"
        errorLog.metadata["stream"] = "stderr"
        let stderrLog = errorLog
        OutputLines.read(stderr.read, name: "exec-stderr", limit: 8192, line: { stderrLog.warning($0) }, end: {})
        return ExecChild(pid: pid, input: PipeInput(descriptor: stdin.write), output: output, exit: exit)
    }

    /// The exit status once the process has ended (a signal number when killed by one).
    var exitStatus: Int32? { exit.status }

    /// Whether the child can take another event: still running, its output still open.
    var isUsable: Bool { exitStatus == nil && !output.isExhausted }

    /// Writes `bytes` to the child's stdin, waiting (in short naps) while the pipe is full.
    func send(_ bytes: [UInt8]) async throws(SendFailure) {
        var offset = 0
        while offset < bytes.count {
            switch input.write(bytes, from: offset) {
            case .wrote(let count):
                offset += count
            case .closed:
                throw .closed
            case .full:
                do {
                    try await Task.sleep(for: .milliseconds(5))
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    /// Closes stdin: a well-behaved plugin finishes its work and exits.
    func closeInput() { input.close() }

    /// Sends `signal` to the child's process group (the child and what it started), only while
    /// the child is known to run, so the id is not yet free for another process.
    func signal(_ signal: Int32) {
        let pid = self.pid
        exit.whileRunning {
            _ = getpgid(pid) == pid ? kill(-pid, signal) : kill(pid, signal)
        }
    }

    /// Waits up to `limit` for the child to exit; true when it has.
    func waitForExit(within limit: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while exitStatus == nil {
            guard clock.now < deadline, !Task.isCancelled else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        // Close-on-exec, so a process another part of the gateway starts does not hold these
        // pipes open (Foundation closes them in our own children anyway).
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }
}

/// The exit status, recorded by Foundation's termination handler (on a thread of its own)
/// once the process has been reaped.
private final class ChildExit: Sendable {
    private let recorded = Mutex<Int32?>(nil)

    /// The status, or nil while the process runs.
    var status: Int32? { recorded.withLock { $0 } }

    /// Records the status.
    func record(_ code: Int32) { recorded.withLock { $0 = code } }

    /// Runs `action` only while no status is recorded. Foundation reaps the process a moment
    /// before it records the status, so the id is free in between: a window of microseconds,
    /// the same its own `terminate()` has.
    func whileRunning(_ action: () -> Void) {
        recorded.withLock { status in
            if status == nil { action() }
        }
    }
}
