import ExecPlugin
import Foundation
import PluginKit
import PluginKitTesting
import Testing

@Suite("Exec: shutdown")
struct ExecShutdownTests {
    @Test("closing stdin ends a well-behaved child at once")
    func closesInput() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.acknowledger)
        let (context, log) = ExecFixture.context()
        _ = try await plugin.deliver(ExecFixture.event("e1"), context: context)
        let pid = try #require(ExecFixture.startedPIDs(log).first)
        await plugin.shutdown()
        #expect(await ExecFixture.eventually { !ExecFixture.isRunning(pid) })
        #expect(!log.records.contains { $0.message.contains("got SIGTERM") }, "the end of its input ended it, no signal")
        let error = await #expect(throws: PluginError.self) { try await plugin.deliver(ExecFixture.event("e2"), context: context) }
        #expect(error == .transient("the plugin has been shut down"))
    }

    @Test("a child that ignores the end of its input gets SIGTERM after a second, and obeys it")
    func terminatesLingerer() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.lingerer)
        let (context, log) = ExecFixture.context()
        _ = try await plugin.deliver(ExecFixture.event("e1"), context: context)
        let pid = try #require(ExecFixture.startedPIDs(log).first)
        let clock = ContinuousClock()
        let start = clock.now
        await plugin.shutdown()
        let took = clock.now - start
        #expect(took >= .milliseconds(900), "the child had its second to end by itself: \(took)")
        #expect(await ExecFixture.eventually { !ExecFixture.isRunning(pid) })
        #expect(await ExecFixture.eventually { log.records.contains { $0.message.contains("got SIGTERM") } }, "SIGTERM, not SIGKILL, ended it")
    }

    @Test("shutting down a plugin that never ran starts nothing and refuses later events", .timeLimit(.minutes(1)))
    func neverStarted() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.acknowledger)
        let (context, log) = ExecFixture.context()
        await plugin.shutdown()
        let error = await #expect(throws: PluginError.self) { try await plugin.deliver(ExecFixture.event("e1"), context: context) }
        #expect(error == .transient("the plugin has been shut down"))
        #expect(ExecFixture.startedPIDs(log).isEmpty, "no child was started to be stopped")
    }
}
