import Foundation
import HTTPClient
import PluginKit
import PluginKitTesting
import Testing
import WebhookPlugin

@Suite("Webhook against a real receiver that verifies signatures on its own")
struct WebhookDeliveryTests {
    let session = HTTPSession()

    /// Runs `body` with a fresh receiver checking `secrets`, stopping it afterwards.
    func withReceiver(secrets: [String], _ body: (LocalReceiver) async throws -> Void) async throws {
        let receiver = try await LocalReceiver(secrets: secrets)
        defer { receiver.stop() }
        try await body(receiver)
    }

    func context() -> PluginContext {
        PluginContext.testing(http: session, clock: SystemPluginClock()).context
    }

    @Test("a signed POST that Python's hmac verifies, with the event as JSON")
    func signatureVerifies() async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/hooks/sentralbord"), secrets: [secret])
            let event = WebhookFixture.event()
            #expect(try await plugin.deliver(event, context: context()) == .delivered)
            let seen = try await receiver.nextDelivery()
            #expect(seen.path == "/hooks/sentralbord")
            #expect(seen.verified == [true])
            #expect(seen.signatures.count == 1)
            #expect(seen.id == event.id)
            #expect(try #require(seen.skew) <= 5)
            #expect(seen.contentType == "application/json")
            let body = try #require(seen.body)
            #expect(body["id"] == .string(event.id))
            #expect(body["seq"] == .number(42))
            #expect(body["type"] == .string("call.missed"))
            #expect(body["occurredAt"] == .string("2026-01-01T00:00:00.123Z"))
            #expect(body["data"] == .object(["queueId": .string("support"), "caller": .string("+4791234567"), "note": .string("Blåbær ✓ / \"quoted\"")]))
        }
    }

    @Test("two secrets (rotation): one signature each, both verify")
    func rotation() async throws {
        let (old, new) = (try WebhookFixture.newSecret(), try WebhookFixture.newSecret())
        let unrelated = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [old, new, unrelated]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/hook"), secrets: [old, new])
            #expect(try await plugin.deliver(WebhookFixture.event(), context: context()) == .delivered)
            let seen = try await receiver.nextDelivery()
            #expect(seen.signatures.count == 2)
            #expect(seen.signatures.allSatisfy { $0.hasPrefix("v1,") })
            #expect(seen.verified == [true, true, false])
        }
    }

    @Test("a redelivery of the same event carries the same webhook-id and a valid signature")
    func redeliveryKeepsTheID() async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/hook"), secrets: [secret])
            let event = WebhookFixture.event("evt-dup")
            _ = try await plugin.deliver(event, context: context())
            _ = try await plugin.deliver(event, context: context())
            let (first, second) = (try await receiver.nextDelivery(), try await receiver.nextDelivery())
            #expect(first.id == "evt-dup" && second.id == "evt-dup")
            #expect(first.verified == [true] && second.verified == [true])
        }
    }

    @Test("2xx is delivered", arguments: [200, 201, 202, 204])
    func success(status: Int) async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/status/\(status)"), secrets: [secret])
            #expect(try await plugin.deliver(WebhookFixture.event(), context: context()) == .delivered)
            #expect(try await receiver.nextDelivery().verified == [true])
        }
    }

    @Test("status rules: 408, 5xx transient; other 4xx permanent; 401/403 misconfigured", arguments: [
        (408, PluginError.Kind.transient), (500, .transient), (502, .transient), (503, .transient), (504, .transient),
        (400, .permanent), (404, .permanent), (410, .permanent), (422, .permanent),
        (401, .misconfigured), (403, .misconfigured), (301, .misconfigured),
    ])
    func failures(status: Int, kind: PluginError.Kind) async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/status/\(status)"), secrets: [secret])
            let error = await #expect(throws: PluginError.self) { try await plugin.deliver(WebhookFixture.event(), context: context()) }
            #expect(error?.kind == kind)
            #expect(error?.message.contains("\(status)") == true)
        }
    }

    @Test("429 with Retry-After in seconds is rate limited for that long")
    func rateLimitedSeconds() async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/status/429?retry_after=7"), secrets: [secret])
            let error = await #expect(throws: PluginError.self) { try await plugin.deliver(WebhookFixture.event(), context: context()) }
            #expect(error?.kind == .rateLimited(retryAfter: .seconds(7)))
        }
    }

    @Test("429 with an HTTP-date Retry-After waits until that date; without one, no wait is given")
    func rateLimitedDate() async throws {
        let secret = try WebhookFixture.newSecret()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        // The plugin's clock is held still, so the wait is exactly the date's distance from it,
        // however long the receiver takes to start.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let clock = ManualPluginClock(now: now)
        let inTwoMinutes = formatter.string(from: now.addingTimeInterval(120))
        let query = inTwoMinutes.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await withReceiver(secrets: [secret]) { receiver in
            let dated = try WebhookFixture.plugin(url: receiver.url("/status/429?retry_after=\(query)"), secrets: [secret])
            let error = await #expect(throws: PluginError.self) {
                try await dated.deliver(WebhookFixture.event(), context: PluginContext.testing(http: session, clock: clock).context)
            }
            guard case .rateLimited(let after?)? = error?.kind else {
                Issue.record("expected a rate limit with a wait, got \(String(describing: error))")
                return
            }
            #expect(after == .seconds(120))
            let bare = try WebhookFixture.plugin(url: receiver.url("/status/429"), secrets: [secret])
            let bareError = await #expect(throws: PluginError.self) { try await bare.deliver(WebhookFixture.event(), context: context()) }
            #expect(bareError?.kind == .rateLimited(retryAfter: nil))
        }
    }

    @Test("503 with Retry-After is rate limited")
    func serviceUnavailableWithRetryAfter() async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/status/503?retry_after=30"), secrets: [secret])
            let error = await #expect(throws: PluginError.self) { try await plugin.deliver(WebhookFixture.event(), context: context()) }
            #expect(error?.kind == .rateLimited(retryAfter: .seconds(30)))
        }
    }

    @Test("a connection refused is transient")
    func connectionRefused() async throws {
        let secret = try WebhookFixture.newSecret()
        let receiver = try await LocalReceiver(secrets: [secret])
        let url = receiver.url("/hook")
        await receiver.stopAndWait()
        let plugin = try WebhookFixture.plugin(url: url, secrets: [secret])
        let error = await #expect(throws: PluginError.self) { try await plugin.deliver(WebhookFixture.event(), context: context()) }
        #expect(error?.kind == .transient)
        #expect(error?.message.contains("couldNotConnect") == true)
    }

    @Test("a receiver answering garbage gets a transient error, not a crash")
    func garbageAnswer() async throws {
        let secret = try WebhookFixture.newSecret()
        try await withReceiver(secrets: [secret]) { receiver in
            let plugin = try WebhookFixture.plugin(url: receiver.url("/garbage"), secrets: [secret])
            let error = await #expect(throws: PluginError.self) { try await plugin.deliver(WebhookFixture.event(), context: context()) }
            #expect(error?.kind == .transient)
        }
    }

    @Test("a receiver slower than request_timeout_seconds is transient")
    func timeout() async throws {
        let plugin = try WebhookFixture.plugin(url: "http://127.0.0.1:9/hook", secrets: [try WebhookFixture.newSecret()])
        let timingOut = ScriptedHTTPTransport { _ in .fail(TransferError(code: .timeout, curlCode: 28, message: "Operation timed out")) }
        let error = await #expect(throws: PluginError.self) {
            try await plugin.deliver(WebhookFixture.event(), context: PluginContext.testing(http: timingOut).context)
        }
        #expect(error?.kind == .transient)
        #expect(timingOut.requests.first?.timeout == .seconds(5))
    }
}
