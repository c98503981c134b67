import Foundation
import Gateway
import HTTPClient
import PluginKit
import PluginKitTesting
import Storage
import Switchboard
import WebhookPlugin

/// The measurements of `bench-delivery`.
enum DeliveryBench {
    static let secret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()

    static func webhook(to url: String) throws -> WebhookPlugin {
        let key = try WebhookSigningKey(secret: Secret(secret, from: .environment("BENCH")))
        return WebhookPlugin(instance: "bench", filter: .all, endpoint: WebhookEndpoint(url: url, signingKeys: [key]))
    }

    static func host(for plugin: WebhookPlugin, storage: GatewayStorage) -> PluginHost {
        let http = HTTPSession()
        let logger = Logger(label: "bench", sink: StreamLogSink(minimumLevel: .error, format: .text))
        return PluginHost(
            instances: [PluginHost.Instance(plugin: plugin, policy: DeliveryPolicy())], store: storage.pluginDeliveryStore,
            logger: logger,
            makeContext: { _, attempt in
                PluginContext(logger: logger, clock: SystemPluginClock(), http: http, state: NoState(), attempt: attempt)
            })
    }

    /// Reference: the same signed POSTs sent one after another straight through libcurl.
    static func directPosts(_ count: Int, to url: String) async throws -> Double {
        let plugin = try webhook(to: url)
        let http = HTTPSession()
        let start = ContinuousClock.now
        for index in 1...count {
            let event = EventEnvelope(seq: Int64(index), id: "direct-\(index)", type: "call.missed", tenant: "bench", occurredAt: Date(), data: ["queue": "support"])
            _ = try await http.send(try plugin.signedRequest(for: event, sentAt: Date()))
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    /// Events already in the log, delivered by the plugin host to the receiver.
    static func backlog(_ count: Int, storage: GatewayStorage, receiver: Receiver) async throws -> Double {
        var appended = 0
        while appended < count {
            let batch = (appended..<min(appended + 500, count)).map {
                NewEvent(id: "backlog-\($0)", type: "call.missed", tenant: "bench", occurredAt: Date(), data: ["queue": "support"])
            }
            _ = try await storage.log.append(batch)
            appended += batch.count
        }
        let host = host(for: try webhook(to: receiver.url), storage: storage)
        let before = receiver.count
        let start = ContinuousClock.now
        let running = RunningService(host)
        while receiver.count < before + count { try await Task.sleep(for: .milliseconds(2)) }
        let rate = Double(count) / (ContinuousClock.now - start).seconds
        await running.stop()
        return rate
    }

    /// Commands at `rate` per second through a company's engine, after a fifth of a second of
    /// warm-up; the time from each command to its event's arrival at the receiver. Returns
    /// the latencies in milliseconds, sorted.
    static func commandLatency(commands: Int, rate: Int, storage: GatewayStorage, receiver: Receiver) async throws -> [Double] {
        let user = User(id: UserID("kari"), name: "Kari", mobile: try PhoneNumber(parsing: "40000001"))
        let queue = CallQueue(id: QueueID("support"), name: "Support", mainNumber: try PhoneNumber(parsing: "21000000"), members: [QueueMember(user: user.id)])
        let directory = try TenantDirectory(tenant: TenantID("latency"), name: "Latency AS", users: [user], queues: [queue])
        let runtime = try await TenantRuntime.start(directory: directory, log: storage.log, now: Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000)))
        let host = host(for: try webhook(to: receiver.url), storage: storage)
        let running = RunningService(host)
        var sent: [(id: String, at: ContinuousClock.Instant)] = []
        var acknowledged: [Double] = []
        let interval = Duration.seconds(1) / rate
        var next = ContinuousClock.now
        let warmUp = rate / 5
        for index in 0..<(warmUp + commands) {
            try await Task.sleep(until: next, clock: .continuous)
            next += interval
            let command: SwitchboardCommand = index % 2 == 0
                ? .logIn(user: user.id, queue: queue.id, by: user.id) : .logOut(user: user.id, queue: queue.id, by: user.id)
            let start = ContinuousClock.now
            let events = try await runtime.perform(command)
            if index >= warmUp { acknowledged.append((ContinuousClock.now - start).seconds * 1000) }
            if index >= warmUp, let first = events.first { sent.append((first.id, start)) }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while sent.contains(where: { receiver.arrival(of: $0.id) == nil }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        await running.stop()
        acknowledged.sort()
        print(String(format: "  command acknowledged (durable): p50 %.2f ms, p99 %.2f ms", acknowledged[acknowledged.count / 2], acknowledged[acknowledged.count * 99 / 100]))
        return sent.compactMap { command in receiver.arrival(of: command.id).map { ($0 - command.at).seconds * 1000 } }.sorted()
    }
}

/// Plugin state that keeps nothing (the webhook keeps none).
struct NoState: PluginStateStore {
    func value(for key: String) async throws -> [UInt8]? { nil }
    func set(_ value: [UInt8], for key: String) async throws {}
    func remove(_ key: String) async throws {}
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
