import Foundation
import PluginKit
import Storage
import Testing

@Suite("EventLog crash safety")
struct EventLogCrashTests {
    @Test("kill -9 three times while appending: every acknowledged event is in the log exactly once, without gaps")
    func killNine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("crash.db")
        var acknowledged: [String] = []
        var lastSeq: Int64 = 0
        for run in 0..<3 {
            let probe = try CrashProbeProcess(database: path, run: "run\(run)")
            let started = ContinuousClock.now
            while probe.acknowledged.count < 20 {
                guard ContinuousClock.now - started < .seconds(30) else {
                    Issue.record("probe acknowledged nothing in 30 s")
                    _ = try await probe.kill9()
                    return
                }
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 10...400)))
            #expect(try await probe.kill9(), "probe \(probe.pid) should die of SIGKILL")
            let thisRun = probe.acknowledged
            acknowledged += thisRun

            // Reopen between the kills: the log must already hold everything acknowledged.
            let log = try EventLog.open(path: path)
            #expect(log.lastSeq >= lastSeq + Int64(thisRun.count))
            lastSeq = log.lastSeq
        }

        let log = try EventLog.open(path: path)
        let stored = try await log.events(after: 0, limit: .max)
        #expect(stored.map(\.seq) == Array(1...Int64(stored.count)))
        var counts: [String: Int] = [:]
        for event in stored { counts[event.id, default: 0] += 1 }
        #expect(counts.values.allSatisfy { $0 == 1 })
        let missing = acknowledged.filter { counts[$0] == nil }
        #expect(missing.isEmpty, "acknowledged but not in the log: \(missing.prefix(10))")
        #expect(Set(acknowledged).count == acknowledged.count)
        #expect(acknowledged.count >= 60, "each of the three probes had at least 20 acknowledged before its kill")
        // Per probe task, the events are in the log in the order the task appended them.
        for (_, events) in Dictionary(grouping: stored, by: { $0.callId ?? "" }) {
            #expect(events.map(\.callSeq) == events.map(\.callSeq).sorted { ($0 ?? 0) < ($1 ?? 0) })
        }
    }
}
