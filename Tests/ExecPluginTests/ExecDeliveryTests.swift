import ExecPlugin
import Foundation
import PluginKit
import PluginKitTesting
import Testing

@Suite("Exec: the line protocol with real child processes")
struct ExecDeliveryTests {
    @Test("events go out as JSON lines in order; one child serves them all; stderr is logged at warning")
    func acknowledgedInOrder() async throws {
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("exec-record-\(UUID().uuidString)").path
        let plugin = try ExecFixture.plugin(PluginScripts.acknowledger, arguments: [record])
        let (context, log) = ExecFixture.context()
        #expect(log.records.isEmpty, "nothing starts before the first delivery")
        for seq in 1...5 {
            #expect(try await plugin.deliver(ExecFixture.event("evt-\(seq)", seq: Int64(seq)), context: context) == .delivered)
        }
        let recorded = try String(contentsOfFile: record, encoding: .utf8)
        #expect(recorded == (1...5).map { "evt-\($0)\n" }.joined())
        #expect(ExecFixture.startedPIDs(log).count == 1)
        #expect(await ExecFixture.eventually { log.records.contains { $0.message == "acknowledger ready" } })
        let line = try #require(log.records.first { $0.message == "acknowledger ready" })
        #expect(line.level == .warning)
        #expect(line.metadata["instance"] == "logger")
        #expect(line.metadata["stream"] == "stderr")
        #expect(line.metadata["pid"] == ExecFixture.startedPIDs(log).first.map { "\($0)" })
        await plugin.shutdown()
    }

    @Test("ok:false maps to transient (retry true or left out) and permanent (retry false), child kept")
    func refusals() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.refuser)
        let (context, log) = ExecFixture.context()
        for (data, kind) in [(["retry": JSONValue.bool(true)], PluginError.Kind.transient), (["retry": .bool(false)], .permanent), ([:], .transient)] {
            let error = await #expect(throws: PluginError.self) { try await plugin.deliver(ExecFixture.event("e1", data: data), context: context) }
            #expect(error?.kind == kind)
            #expect(error?.message.contains("\"CRM said no to e1\"") == true)
        }
        #expect(ExecFixture.startedPIDs(log).count == 1)
        await plugin.shutdown()
    }

    @Test("a line that is no acknowledgement is transient; the child is restarted with growing backoff")
    func garbage() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.babbler)
        let clock = ManualPluginClock()
        let (context, log) = ExecFixture.context(clock: clock)
        for _ in 1...3 {
            let error = await #expect(throws: PluginError.self) { try await plugin.deliver(ExecFixture.event("e1"), context: context) }
            #expect(error?.kind == .transient)
            #expect(error?.message == "the plugin wrote a line that is not an acknowledgement: \"hello, I am not JSON\"")
        }
        let pids = ExecFixture.startedPIDs(log)
        #expect(pids.count == 3 && Set(pids).count == 3)
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500)])
        #expect(await ExecFixture.eventually { pids.allSatisfy { !ExecFixture.isRunning($0) } })
    }

    @Test("an acknowledgement for another id is transient and restarts the child")
    func wrongID() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.confused)
        let (context, log) = ExecFixture.context()
        let error = await #expect(throws: PluginError.self) { try await plugin.deliver(ExecFixture.event("e1"), context: context) }
        #expect(error?.kind == .transient)
        #expect(error?.message == "the plugin acknowledged \"someone-else\" while e1 was in flight")
        let pid = try #require(ExecFixture.startedPIDs(log).first)
        #expect(await ExecFixture.eventually { !ExecFixture.isRunning(pid) })
    }

    @Test("a child that exits is restarted, after a backoff, on the next delivery")
    func restartAfterExit() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.quitter, arguments: ["2"])
        let clock = ManualPluginClock()
        let (context, log) = ExecFixture.context(clock: clock)
        #expect(try await plugin.deliver(ExecFixture.event("e1"), context: context) == .delivered)
        #expect(try await plugin.deliver(ExecFixture.event("e2"), context: context) == .delivered)
        let first = try #require(ExecFixture.startedPIDs(log).first)
        #expect(await ExecFixture.eventually { !ExecFixture.isRunning(first) })
        #expect(try await plugin.deliver(ExecFixture.event("e3"), context: context) == .delivered)
        let pids = ExecFixture.startedPIDs(log)
        #expect(pids.count == 2 && pids[1] != first)
        #expect(clock.sleeps == [.milliseconds(250)])
        #expect(log.records.contains { $0.level == .warning && $0.message.hasPrefix("plugin process failed: the plugin exited") })
        #expect(try await plugin.deliver(ExecFixture.event("e4"), context: context) == .delivered)
        await plugin.shutdown()
    }

    @Test("a child that closes its output mid-delivery fails it as transient")
    func exitBeforeAcknowledging() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.dropper)
        let (context, _) = ExecFixture.context()
        let error = await #expect(throws: PluginError.self) { try await plugin.deliver(ExecFixture.event("e1"), context: context) }
        #expect(error?.kind == .transient)
        #expect(error?.message.hasPrefix("the plugin closed its output before acknowledging") == true)
    }

    @Test("cancellation ends the delivery at once and kills the child and what it started")
    func cancellation() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.hanger)
        let (context, log) = ExecFixture.context()
        let delivery = Task { try await plugin.deliver(ExecFixture.event("stuck", data: ["hang": true]), context: context) }
        #expect(await ExecFixture.eventually { log.records.contains { $0.message.hasPrefix("sleeper pid ") } })
        let clock = ContinuousClock()
        let cancelledAt = clock.now
        delivery.cancel()
        let result = await delivery.result
        #expect(clock.now - cancelledAt < .seconds(60), "not the child's hour")
        #expect(throws: PluginError.transient("the delivery was cancelled before the plugin acknowledged it; the plugin was stopped")) {
            try result.get()
        }
        let child = try #require(ExecFixture.startedPIDs(log).first)
        let sleeperLine = try #require(log.records.first { $0.message.hasPrefix("sleeper pid ") })
        let sleeper = try #require(Int32(sleeperLine.message.dropFirst("sleeper pid ".count)))
        #expect(await ExecFixture.eventually { !ExecFixture.isRunning(child) && !ExecFixture.isRunning(sleeper) })
        #expect(try await plugin.deliver(ExecFixture.event("next"), context: context) == .delivered)
        #expect(ExecFixture.startedPIDs(log).count == 2)
        await plugin.shutdown()
    }

    @Test("concurrent deliveries go one at a time, each matched with its own acknowledgement")
    func serialized() async throws {
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("exec-record-\(UUID().uuidString)").path
        let plugin = try ExecFixture.plugin(PluginScripts.overlapChecker, arguments: [record])
        let (context, log) = ExecFixture.context()
        let outcomes = try await withThrowingTaskGroup(of: DeliveryOutcome.self) { group in
            for seq in 1...8 {
                group.addTask { try await plugin.deliver(ExecFixture.event("evt-\(seq)", seq: Int64(seq)), context: context) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: .delivered, count: 8))
        let recorded = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(recorded.sorted() == (1...8).map { "evt-\($0)" }.sorted(), "each once, and none sent while another waited for its acknowledgement")
        #expect(ExecFixture.startedPIDs(log).count == 1)
        await plugin.shutdown()
    }

    @Test("the child gets only the basic environment, its instance name and the passed variables")
    func environment() async throws {
        let hidden = ProcessInfo.processInfo.environment.keys.sorted().first {
            !["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"].contains($0)
        }
        let names = ["SENTRALBORD_PLUGIN_INSTANCE", "CRM_TOKEN"] + (hidden.map { [$0] } ?? [])
        let plugin = try ExecFixture.plugin(PluginScripts.environmentReporter, arguments: names, passing: ["CRM_TOKEN": "passed-on"])
        let (context, log) = ExecFixture.context()
        #expect(try await plugin.deliver(ExecFixture.event("e1"), context: context) == .delivered)
        #expect(await ExecFixture.eventually { log.records.filter { $0.metadata["stream"] == "stderr" }.count == names.count })
        let lines = log.records.filter { $0.metadata["stream"] == "stderr" }.map(\.message)
        #expect(lines.contains("SENTRALBORD_PLUGIN_INSTANCE=logger"))
        #expect(lines.contains("CRM_TOKEN=passed-on"))
        if let hidden { #expect(lines.contains("\(hidden)=<unset>")) }
        await plugin.shutdown()
    }
}
