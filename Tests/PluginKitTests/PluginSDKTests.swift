import Foundation
import PluginKit
import PluginKitTesting
import Synchronization
import Testing

private func event(_ type: String, tenant: String = "acme", data: [String: JSONValue] = [:]) -> EventEnvelope {
    EventEnvelope(seq: 1, id: "evt-\(type)", type: type, tenant: tenant, occurredAt: Date(timeIntervalSince1970: 0), data: data)
}

@Suite("EventFilter: types, tenants, queues, users")
struct EventFilterTests {
    @Test func emptyFilterMatchesEverything() {
        #expect(EventFilter.all.matches(event("call.missed")))
    }

    @Test func typePatternsAreExactOrPrefixes() {
        let filter = EventFilter(types: ["call.*", "queue.caller.joined"])
        #expect(filter.matches(event("call.missed")))
        #expect(filter.matches(event("call.transfer.returned")))
        #expect(filter.matches(event("queue.caller.joined")))
        #expect(!filter.matches(event("queue.caller.left")))
        #expect(!filter.matches(event("callback.made")))
    }

    @Test func tenantsQueuesAndUsersMustAllMatch() {
        let filter = EventFilter(tenants: ["acme"], queues: ["support"], users: ["kari"])
        #expect(filter.matches(event("x", data: ["queue": "support", "user": "kari"])))
        #expect(filter.matches(event("x", data: ["queue": "support", "answeredBy": "kari"])))
        #expect(!filter.matches(event("x", tenant: "other", data: ["queue": "support", "user": "kari"])))
        #expect(!filter.matches(event("x", data: ["queue": "sales", "user": "kari"])))
        #expect(!filter.matches(event("x", data: ["user": "kari"])))
    }
}

@Suite("PluginError: what the host does")
struct PluginErrorTests {
    @Test func onlyTransientAndRateLimitedAreRetried() {
        #expect(PluginError.transient("x").isRetryable)
        #expect(PluginError.rateLimited(retryAfter: .seconds(2), "x").isRetryable)
        #expect(!PluginError.permanent("x").isRetryable)
        #expect(!PluginError.misconfigured("x").isRetryable)
        #expect(PluginError.rateLimited(retryAfter: .seconds(2), "slow down").description == "rate limited (retry after 2.0 seconds): slow down")
    }
}

/// A plugin that posts each event to a URL through the context's transport, as a webhook
/// would; `leaksSecret` and `ignoresCancellation` make it break the contract on purpose.
struct SamplePlugin: Plugin {
    let identity = PluginIdentity(kind: "sample", instance: "crm")
    let filter = EventFilter.all
    let token: Secret
    var leaksSecret = false
    var ignoresCancellation = false

    func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        if leaksSecret { context.logger.info("posting with token \(token.reveal())") }
        if ignoresCancellation {
            let until = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(20)) }
        }
        let request = HTTPClientRequest(method: .post, url: "http://127.0.0.1:9/hook", headers: ["Authorization": "Bearer \(token.reveal())"])
        do {
            let response = try await context.http.send(request)
            return response.isSuccess ? .delivered : .skipped(reason: "status \(response.status)")
        } catch {
            throw .transient(error.message)
        }
    }
}

@Suite("PluginConformance: the kit passes a good plugin and catches bad ones")
struct PluginConformanceTests {
    let ok = ScriptedHTTPTransport { _ in .respond(status: 204, headers: [:], body: []) }
    let hanging = ScriptedHTTPTransport { _ in .hang }

    func conformance(_ plugin: SamplePlugin) -> PluginConformance {
        let (ok, hanging) = (self.ok, self.hanging)
        return PluginConformance(
            makePlugin: { plugin },
            events: [event("call.missed")],
            deliveringContext: { PluginContext.testing(http: ok) },
            hangingContext: { PluginContext.testing(http: hanging) },
            secrets: ["s3cret-token"],
            deadline: .seconds(3))
    }

    @Test func aConformingPluginHasNoFailures() async {
        let failures = await conformance(SamplePlugin(token: Secret("s3cret-token", from: .environment("TOKEN")))).run()
        #expect(failures.isEmpty, "\(failures)")
        #expect(ok.requests.count == 2, "delivered once and once more as a duplicate")
    }

    @Test func aPluginThatShowsItsSecretInItsDescriptionFails() async {
        struct Naive: Plugin {
            let identity = PluginIdentity(kind: "naive", instance: "crm")
            let filter = EventFilter.all
            let token = "s3cret-token"
            func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome { .delivered }
        }
        let ok = self.ok
        let failures = await PluginConformance(
            makePlugin: { Naive() }, events: [event("call.missed")],
            deliveringContext: { PluginContext.testing(http: ok) }, secrets: ["s3cret-token"]).run()
        #expect(failures.map(\.description) == ["secrets: a secret appears in the plugin's description"])
    }

    @Test func aPluginThatLogsItsSecretFails() async {
        let failures = await conformance(SamplePlugin(token: Secret("s3cret-token", from: .environment("TOKEN")), leaksSecret: true)).run()
        #expect(failures.contains { $0.check == "secrets" })
    }

    @Test func aPluginThatIgnoresCancellationFails() async {
        let failures = await conformance(SamplePlugin(token: Secret("s3cret-token", from: .environment("TOKEN")), ignoresCancellation: true)).run()
        #expect(failures.contains { $0.check == "cancellation" })
    }

    @Test func manualClockRecordsSleepsWithoutWaiting() async throws {
        let clock = ManualPluginClock()
        let before = clock.now()
        try await clock.sleep(for: .seconds(30))
        clock.advance(by: 30)
        #expect(clock.sleeps == [.seconds(30)])
        #expect(clock.now().timeIntervalSince(before) == 30)
    }
}
