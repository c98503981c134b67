import Foundation
import Gateway
import PluginKit
import PluginKitTesting
import Synchronization
import Testing

/// A plugin whose every delivery is decided by `behaviour(event, attempt)`; records what it got.
final class ScriptedPlugin: Plugin {
    enum Behaviour: Sendable {
        case deliver
        case fail(PluginError)
        /// Blocks its thread, as a plugin stuck in a blocking C call would.
        case blockThread
        /// Suspends forever, ignoring cancellation.
        case suspendForever
    }

    let identity: PluginIdentity
    let filter: EventFilter
    private let behaviour: @Sendable (EventEnvelope, Int) -> Behaviour
    private let received = Mutex<[(id: String, attempt: Int)]>([])

    init(_ instance: String, filter: EventFilter = .all, behaviour: @escaping @Sendable (EventEnvelope, Int) -> Behaviour) {
        identity = PluginIdentity(kind: "scripted", instance: instance)
        self.filter = filter
        self.behaviour = behaviour
    }

    var deliveries: [(id: String, attempt: Int)] { received.withLock { $0 } }
    var deliveredIDs: [String] { deliveries.map(\.id) }

    func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        received.withLock { $0.append((event.id, context.attempt)) }
        switch behaviour(event, context.attempt) {
        case .deliver:
            return .delivered
        case .fail(let error):
            throw error
        case .blockThread:
            let forever = ContinuousClock.now + .seconds(3600)
            while ContinuousClock.now < forever { usleep(10_000) }
            return .delivered
        case .suspendForever:
            await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            return .delivered
        }
    }
}

private func events(_ count: Int, type: String = "call.missed", from start: Int = 1) -> [NewEvent] {
    (start..<(start + count)).map { NewEvent(id: "e\($0)", type: type, tenant: "acme", occurredAt: Date(timeIntervalSince1970: 0)) }
}

private var fastPolicy: DeliveryPolicy {
    var policy = DeliveryPolicy()
    policy.timeout = .milliseconds(200)
    policy.initialBackoff = .milliseconds(1)
    policy.maxBackoff = .milliseconds(5)
    policy.maxAttempts = 3
    policy.breakerThreshold = 100
    return policy
}

private func host(_ plugins: [any Plugin], store: InMemoryPluginDeliveryStore, policy: DeliveryPolicy = fastPolicy) -> PluginHost {
    let http = ScriptedHTTPTransport { _ in .respond(status: 200, headers: [:], body: []) }
    return PluginHost(
        instances: plugins.map { PluginHost.Instance(plugin: $0, policy: policy) }, store: store,
        logger: Logger(label: "test", sink: InMemoryLogSink()),
        makeContext: { identity, attempt in
            var context = PluginContext.testing(http: http).context
            context.attempt = attempt
            return context
        })
}

/// Waits until `condition` holds or `timeout` passes.
private func eventually(timeout: Duration = .seconds(5), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

@Suite("Plugin host: order, filters, retries, dead letters, isolation (GW-1)")
struct PluginHostTests {
    @Test func deliversInLogOrderAndSkipsFilteredEvents() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("crm", filter: EventFilter(types: ["call.*"])) { _, _ in .deliver }
        let host = host([plugin], store: store)
        let running = RunningService(host)
        store.append(events(3))
        store.append(events(2, type: "user.status.changed", from: 4))
        store.append(events(2, from: 6))
        #expect(await eventually { store.statuses["crm"]?.cursor == 7 })
        #expect(plugin.deliveredIDs == ["e1", "e2", "e3", "e6", "e7"])
        #expect(store.statuses["crm"]?.delivered == 5)
        #expect(store.statuses["crm"]?.skipped == 2)
        await running.stop()
    }

    @Test func transientFailuresAreRetriedThenDelivered() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("crm") { _, attempt in attempt < 3 ? .fail(.transient("503")) : .deliver }
        let host = host([plugin], store: store)
        let running = RunningService(host)
        store.append(events(1))
        #expect(await eventually { store.statuses["crm"]?.delivered == 1 })
        #expect(plugin.deliveries.map(\.attempt) == [1, 2, 3])
        #expect(store.statuses["crm"]?.retrying == nil)
        await running.stop()
    }

    @Test func permanentFailuresAreDeadLetteredAtOnceAndDeliveryGoesOn() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("crm") { event, _ in event.id == "e2" ? .fail(.permanent("410 Gone")) : .deliver }
        let host = host([plugin], store: store)
        let running = RunningService(host)
        store.append(events(3))
        #expect(await eventually { store.statuses["crm"]?.cursor == 3 })
        let letters = try await store.deadLetters(of: "crm")
        #expect(letters.map(\.event.id) == ["e2"])
        #expect(letters.first?.attempts == 1)
        #expect(letters.first?.reason == "permanent: 410 Gone")
        #expect(plugin.deliveredIDs == ["e1", "e2", "e3"])
        await running.stop()
    }

    @Test func exhaustedRetriesEndInADeadLetterWithTheAttemptCount() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("crm") { _, _ in .fail(.transient("timeout")) }
        let host = host([plugin], store: store)
        let running = RunningService(host)
        store.append(events(1))
        #expect(await eventually { store.statuses["crm"]?.deadLettered == 1 })
        let letter = try #require(try await store.deadLetters(of: "crm").first)
        #expect(letter.attempts == 3)
        #expect(letter.reason == "transient: timeout")
        await running.stop()
    }

    @Test func aHungPluginAndAFailingPluginNeverDelayAHealthyOne() async throws {
        let store = InMemoryPluginDeliveryStore()
        let blocking = ScriptedPlugin("blocking") { _, _ in .blockThread }
        let suspended = ScriptedPlugin("suspended") { _, _ in .suspendForever }
        let failing = ScriptedPlugin("failing") { _, _ in .fail(.transient("always")) }
        let healthy = ScriptedPlugin("healthy") { _, _ in .deliver }
        var policy = fastPolicy
        // The stuck plugins' timeout is long enough that no busy machine comes near it: a
        // healthy plugin that had to wait for them, or a shutdown that did, would.
        policy.timeout = .seconds(300)
        let host = host([blocking, suspended, failing, healthy], store: store, policy: policy)
        let running = RunningService(host)
        let start = ContinuousClock.now
        store.append(events(50))
        #expect(await eventually(timeout: .seconds(120)) { store.statuses["healthy"]?.cursor == 50 })
        #expect(ContinuousClock.now - start < .seconds(120), "far less than the 300 s timeout the stuck plugins wait for")
        #expect(healthy.deliveredIDs.count == 50)
        let shutdownStart = ContinuousClock.now
        await running.stop()
        #expect(ContinuousClock.now - shutdownStart < .seconds(120), "shutdown does not wait for a hung plugin's 300 s")
    }

    @Test func aTimedOutDeliveryIsRetried() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("slow") { _, attempt in attempt == 1 ? .suspendForever : .deliver }
        let host = host([plugin], store: store)
        let running = RunningService(host)
        store.append(events(1))
        #expect(await eventually { store.statuses["slow"]?.delivered == 1 })
        #expect(plugin.deliveries.map(\.attempt) == [1, 2])
        await running.stop()
    }

    @Test func theBreakerOpensAfterConsecutiveFailures() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("crm") { _, _ in .fail(.transient("down")) }
        var policy = fastPolicy
        policy.maxAttempts = 100
        policy.breakerThreshold = 2
        policy.breakerCooldown = .seconds(60)
        let host = host([plugin], store: store, policy: policy)
        let running = RunningService(host)
        store.append(events(1))
        #expect(await eventually { store.statuses["crm"]?.breaker == "open" })
        try await Task.sleep(for: .milliseconds(100))
        #expect(plugin.deliveries.count == 2, "no tries while the breaker is open")
        await running.stop()
    }

    @Test func misconfigurationOpensTheBreakerAtOnce() async throws {
        let store = InMemoryPluginDeliveryStore()
        let plugin = ScriptedPlugin("crm") { _, _ in .fail(.misconfigured("401 Unauthorized")) }
        var policy = fastPolicy
        policy.breakerCooldown = .seconds(60)
        let host = host([plugin], store: store, policy: policy)
        let running = RunningService(host)
        store.append(events(1))
        #expect(await eventually { store.statuses["crm"]?.breaker == "open" })
        #expect(plugin.deliveries.count == 1)
        await running.stop()
    }

    @Test func aRestartedHostGoesOnFromTheSavedCursor() async throws {
        let store = InMemoryPluginDeliveryStore()
        let first = ScriptedPlugin("crm") { _, _ in .deliver }
        let host1 = host([first], store: store)
        let running1 = RunningService(host1)
        store.append(events(3))
        #expect(await eventually { store.statuses["crm"]?.cursor == 3 })
        await running1.stop()
        store.append(events(2, from: 4))
        let second = ScriptedPlugin("crm") { _, _ in .deliver }
        let host2 = host([second], store: store)
        let running2 = RunningService(host2)
        #expect(await eventually { store.statuses["crm"]?.cursor == 5 })
        #expect(second.deliveredIDs == ["e4", "e5"])
        #expect(store.statuses["crm"]?.delivered == 5)
        await running2.stop()
    }

    @Test func backoffGrowsExponentiallyWithJitterAndACap() {
        var policy = DeliveryPolicy()
        policy.initialBackoff = .milliseconds(100)
        policy.maxBackoff = .seconds(1)
        #expect(policy.backoff(afterAttempt: 1, jitter: 1) == .milliseconds(100))
        #expect(policy.backoff(afterAttempt: 1, jitter: 0) == .milliseconds(50))
        #expect(policy.backoff(afterAttempt: 3, jitter: 1) == .milliseconds(400))
        #expect(policy.backoff(afterAttempt: 10, jitter: 1) == .seconds(1))
        #expect(policy.backoff(afterAttempt: 10, jitter: 0.5) == .milliseconds(750))
    }
}

/// A factory for `ScriptedPlugin`s that reads one key of its own (`fail`).
struct ScriptedPluginFactory: PluginFactory {
    let kind = "scripted"

    func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)? {
        let fails = config.boolean("fail", default: false)
        return ScriptedPlugin(instance, filter: filter) { _, _ in fails ? .fail(.permanent("configured to fail")) : .deliver }
    }
}

@Suite("Plugin configuration: [[plugins]]")
struct PluginConfigurationTests {
    func parse(_ text: String) throws(ConfigurationError) -> GatewayConfiguration {
        try GatewayConfiguration.parse(text, file: "test.toml", environment: ConfigurationEnvironment(variable: { _ in nil }, readFile: { _ in nil }), plugins: [ScriptedPluginFactory()])
    }

    @Test func readsHostKeysAndLetsTheFactoryReadItsOwn() throws {
        let configuration = try parse("""
            [[plugins]]
            name = "crm"
            kind = "scripted"
            types = ["call.*"]
            queues = ["support"]
            timeout_seconds = 5
            max_attempts = 3
            fail = true
            """)
        let plugin = try #require(configuration.plugins.first)
        #expect(plugin.name == "crm" && plugin.kind == "scripted")
        #expect(plugin.filter == EventFilter(types: ["call.*"], queues: ["support"]))
        #expect(plugin.policy.timeout == .seconds(5) && plugin.policy.maxAttempts == 3)
        #expect(plugin.plugin.identity == PluginIdentity(kind: "scripted", instance: "crm"))
        #expect(configuration.effectiveTOML.contains("[[plugins]]\nname = \"crm\"\nkind = \"scripted\"\ntypes = [\"call.*\"]"))
    }

    @Test func unknownKindsUnknownKeysAndDuplicatesAreErrorsWithPositions() {
        do {
            _ = try parse("""
                [[plugins]]
                name = "a"
                kind = "smoke-signals"
                [[plugins]]
                name = "b"
                kind = "scripted"
                colour = "red"
                max_attempts = 0
                [[plugins]]
                name = "b"
                kind = "scripted"
                """)
            Issue.record("expected errors")
        } catch {
            #expect(error.issues.map(\.description) == [
                "test.toml:3:8: plugins[0].kind: unknown plugin kind \"smoke-signals\"; expected one of: \"scripted\"",
                "test.toml:7:10: plugins[1].colour: unknown key; expected one of: backoff_initial_ms, backoff_max_seconds, breaker_cooldown_seconds, breaker_failures, fail, kind, max_age_seconds, max_attempts, name, queues, tenants, timeout_seconds, types, users",
                "test.toml:8:16: plugins[1].max_attempts: 0 is out of range 1…100",
                "test.toml:10:8: plugins[2].name: duplicate plugin name \"b\"",
            ])
        }
    }
}

@Test("Plugin host: tries of an event being retried count on after a restart")
func attemptsCountAcrossRestarts() async throws {
    let store = InMemoryPluginDeliveryStore()
    var saved = PluginInstanceStatus(instance: "crm", kind: "scripted")
    saved.retrying = PluginInstanceStatus.Retry(
        seq: 1, eventId: "e1", attempts: 2, lastError: "transient: 503", firstAttemptAt: Date(), nextAttemptAt: Date())
    try await store.save(saved, deadLetters: [])
    store.append([NewEvent(id: "e1", type: "call.missed", tenant: "acme", occurredAt: Date(timeIntervalSince1970: 0))])
    let plugin = ScriptedPlugin("crm") { _, _ in .fail(.transient("503")) }
    var policy = DeliveryPolicy()
    policy.timeout = .milliseconds(200)
    policy.initialBackoff = .milliseconds(1)
    policy.maxBackoff = .milliseconds(5)
    policy.maxAttempts = 3
    let http = ScriptedHTTPTransport { _ in .respond(status: 200, headers: [:], body: []) }
    let host = PluginHost(
        instances: [PluginHost.Instance(plugin: plugin, policy: policy)], store: store,
        logger: Logger(label: "test", sink: InMemoryLogSink()),
        makeContext: { _, attempt in
            var context = PluginContext.testing(http: http).context
            context.attempt = attempt
            return context
        })
    let running = RunningService(host)
    let deadline = ContinuousClock.now + .seconds(5)
    while try await store.deadLetters(of: "crm").isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    #expect(plugin.deliveries.map(\.attempt) == [3], "only the third and last try was left")
    #expect(try await store.deadLetters(of: "crm").first?.attempts == 3)
    await running.stop()
}

@Test("Plugin configuration: an unknown kind is one error, its own keys are not reported on top")
func unknownKindIsOneError() {
    do {
        _ = try GatewayConfiguration.parse(
            "[[plugins]]\nname = \"a\"\nkind = \"fax\"\nnumber = \"+4721000000\"\nresolution = 200\n",
            file: "test.toml", environment: ConfigurationEnvironment(variable: { _ in nil }, readFile: { _ in nil }),
            plugins: [ScriptedPluginFactory()])
        Issue.record("expected an error")
    } catch {
        #expect(error.issues.map(\.description) == ["test.toml:3:8: plugins[0].kind: unknown plugin kind \"fax\"; expected one of: \"scripted\""])
    }
}
