import Foundation
import PluginKit
import Synchronization

/// Keeps one exec instance's child process and delivers events to it one at a time: starts it
/// on the first delivery, restarts it with ``RestartBackoff`` after it failed, kills it when a
/// delivery is cancelled or the child falls out of step, and stops it at shutdown.
final class ExecSupervisor: Sendable {
    private struct State {
        var child: ExecChild?
        var failuresInARow = 0
        var restartNotBefore: Date?
        var isShutDown = false
    }

    private let identity: PluginIdentity
    private let command: ExecCommand
    private let gate = DeliveryGate()
    private let state = Mutex(State())

    /// Creates the supervisor; nothing runs until the first delivery.
    init(identity: PluginIdentity, command: ExecCommand) {
        self.identity = identity
        self.command = command
    }

    /// Writes `event` as one JSON line and waits for its acknowledgement.
    func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        guard await gate.enter() else { throw .transient("cancelled while an earlier event was in flight") }
        defer { gate.leave() }
        let line = try Self.line(for: event)
        let child = try await childReading(line, context: context)
        guard let reply = await child.output.next() else {
            if Task.isCancelled {
                throw failed(child, "the delivery was cancelled before the plugin acknowledged it; the plugin was stopped", context: context)
            }
            throw failed(child, "the plugin closed its output before acknowledging\(Self.exit(of: child))", context: context)
        }
        switch ExecAcknowledgement(line: reply, expecting: event.id) {
        case .handled:
            recordHealthy()
            return .delivered
        case .refused(let retry, let message):
            recordHealthy()
            throw retry ? .transient("the plugin failed: \(message)") : .permanent("the plugin refused the event: \(message)")
        case .invalid(let reason):
            throw failed(child, reason, context: context)
        }
    }

    /// A child that has taken `line` on its stdin. A child found gone while writing (it exited
    /// after its last acknowledgement, before anyone noticed) never saw the event, so one
    /// fresh child gets it within the same delivery.
    private func childReading(_ line: [UInt8], context: PluginContext) async throws(PluginError) -> ExecChild {
        var attempt = 1
        while true {
            let child = try await runningChild(context: context)
            do {
                try await child.send(line)
                return child
            } catch {
                switch error {
                case .cancelled:
                    throw failed(child, "the delivery was cancelled; the plugin was stopped", context: context)
                case .closed:
                    let failure = failed(child, "the plugin no longer reads its input\(Self.exit(of: child))", context: context)
                    guard attempt < 2 else { throw failure }
                    attempt += 1
                }
            }
        }
    }

    /// Closes the child's stdin, gives it a second to exit, then asks with SIGTERM and, after
    /// another second, ends it with SIGKILL. Later deliveries fail as transient.
    func shutdown() async {
        let child = state.withLock { state -> ExecChild? in
            state.isShutDown = true
            defer { state.child = nil }
            return state.child
        }
        guard let child else { return }
        child.closeInput()
        if await child.waitForExit(within: .seconds(1)) { return }
        child.signal(SIGTERM)
        if await child.waitForExit(within: .seconds(1)) { return }
        child.signal(SIGKILL)
    }

    /// The usable child, started (after any backoff still due) when there is none.
    private func runningChild(context: PluginContext) async throws(PluginError) -> ExecChild {
        let (current, isShutDown) = state.withLock { ($0.child, $0.isShutDown) }
        guard !isShutDown else { throw .transient("the plugin has been shut down") }
        if let current {
            if current.isUsable { return current }
            // Its output ended; the exit status usually follows within moments, and it is
            // what tells an operator why.
            _ = await current.waitForExit(within: .milliseconds(200))
            _ = failed(current, "the plugin exited\(Self.exit(of: current))", context: context)
        }
        if let notBefore = state.withLock({ $0.restartNotBefore }) {
            let wait = notBefore.timeIntervalSince(context.clock.now())
            if wait > 0 {
                do {
                    try await context.clock.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
                } catch {
                    throw .transient("cancelled while waiting to restart the plugin")
                }
            }
        }
        let child: ExecChild
        do {
            child = try await ExecChild.start(command, instance: identity.instance, logger: context.logger)
        } catch {
            recordFailure(context: context)
            if let problem = ExecCommand.problem(withExecutable: command.executable) {
                throw .misconfigured("cannot start the plugin: \(problem)")
            }
            throw .transient("cannot start the plugin \(command.executable): \(error.localizedDescription)")
        }
        let installed = state.withLock { state -> Bool in
            guard !state.isShutDown else { return false }
            state.child = child
            return true
        }
        guard installed else {
            child.signal(SIGKILL)
            throw .transient("the plugin has been shut down")
        }
        context.logger.info("plugin process started", ["instance": identity.instance, "pid": "\(child.pid)"])
        return child
    }

    /// Kills `child`, forgets it, counts a failure, and returns the transient error to throw.
    private func failed(_ child: ExecChild, _ reason: String, context: PluginContext) -> PluginError {
        child.signal(SIGKILL)
        state.withLock { state in
            if state.child === child { state.child = nil }
        }
        recordFailure(context: context)
        context.logger.warning("plugin process failed: \(reason)", ["instance": identity.instance, "pid": "\(child.pid)"])
        return .transient(reason)
    }

    private func recordFailure(context: PluginContext) {
        let now = context.clock.now()
        state.withLock { state in
            state.failuresInARow += 1
            let delay = RestartBackoff.delay(afterFailures: state.failuresInARow)
            state.restartNotBefore = now + Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        }
    }

    private func recordHealthy() {
        state.withLock { state in
            state.failuresInARow = 0
            state.restartNotBefore = nil
        }
    }

    /// ` (exit status N)` when the child has exited, else empty.
    private static func exit(of child: ExecChild) -> String {
        child.exitStatus.map { " (exit status \($0))" } ?? ""
    }

    /// The event as one line of JSON with sorted keys, line break included.
    private static func line(for event: EventEnvelope) throws(PluginError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(event)) + [UInt8(ascii: "\n")]
        } catch {
            throw .permanent("event \(event.id) cannot be encoded as JSON")
        }
    }
}
