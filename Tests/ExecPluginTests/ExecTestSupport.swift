import ExecPlugin
import Foundation
import PluginKit
import PluginKitTesting

/// Events, contexts and process checks the exec tests share.
enum ExecFixture {
    /// An event with the id `id` and `data`.
    static func event(_ id: String, seq: Int64 = 1, data: [String: JSONValue] = [:]) -> EventEnvelope {
        EventEnvelope(
            seq: seq, id: id, type: "call.missed", tenant: "acme", occurredAt: Date(timeIntervalSince1970: 1_767_225_600),
            callId: "call-1", callSeq: seq, data: data)
    }

    /// A context with a manual clock (its sleeps are recorded, not waited) and a log to read.
    static func context(clock: ManualPluginClock = ManualPluginClock()) -> (context: PluginContext, log: InMemoryLogSink) {
        PluginContext.testing(http: ScriptedHTTPTransport { _ in .respond(status: 500, headers: [:], body: []) }, clock: clock)
    }

    /// An exec plugin named `logger` running the script `text` with `arguments`.
    static func plugin(_ text: String, arguments: [String] = [], passing: [String: String] = [:]) throws -> ExecPlugin {
        let path = PluginScripts.installed(text)
        return ExecPlugin(
            instance: "logger", filter: .all,
            command: ExecCommand(executable: path, arguments: arguments, passedEnvironment: passing))
    }

    /// The pids of the plugin processes started so far, from the log, in order.
    static func startedPIDs(_ log: InMemoryLogSink) -> [Int32] {
        log.records.filter { $0.message == "plugin process started" }.compactMap { $0.metadata["pid"].flatMap { Int32($0) } }
    }

    /// Whether `pid` is a live process (a zombie counts as ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    /// Polls `condition` every 20 ms for up to `limit`; true once it holds.
    static func eventually(within limit: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while !condition() {
            guard clock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
