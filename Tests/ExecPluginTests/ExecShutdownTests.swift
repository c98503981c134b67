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
        let clock = ContinuousClock()
        let start = clock.now
        await plugin.shutdown()
        #expect(clock.now - start < .milliseconds(900))
        #expect(await ExecFixture.eventually(within: .seconds(1)) { !ExecFixture.isRunning(pid) })
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
        #expect(took >= .milliseconds(900) && took < .milliseconds(1900), "SIGTERM, not SIGKILL, ended it: \(took)")
        #expect(await ExecFixture.eventually(within: .seconds(1)) { !ExecFixture.isRunning(pid) })
    }

    @Test("shutting down a plugin that never ran is immediate")
    func neverStarted() async throws {
        let plugin = try ExecFixture.plugin(PluginScripts.acknowledger)
        await plugin.shutdown()
    }
}
