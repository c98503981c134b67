import Foundation
import HTTPClient
import PluginKit
import SMSPlugin
import Storage

/// SMS through the plugin and the service to the local stub with the durable SQLite ledger
/// (a fresh gateway-style database: WAL, synchronous = NORMAL, as `GatewayStorage` opens it).
struct SendRun {
    let directory: String
    let stub: ProviderStub

    private func makePlugin(name: String, threads: Int) async throws -> (SMSPlugin, DatabaseSMSLedger) {
        let ledger = DatabaseSMSLedger(
            database: try SQLitePluginDatabase.open(path: "\(directory)/\(name).sqlite", kind: SMSPluginFactory.kind, schema: SMSSchema.schema))
        var settings = SMSSettings()
        settings.mergeWindow = 0
        settings.provider = .http(
            url: stub.url, method: .post, bodyTemplate: "to={to}&from={from}&text={text}&ref={key}",
            contentType: "application/x-www-form-urlencoded", authorization: nil, messageIDField: "id", timeout: .seconds(10))
        let plugin = SMSPlugin(instance: name, filter: .all, settings: settings)
        plugin.attach(
            ledger: ledger, http: HTTPSession(configuration: HTTPSessionConfiguration(threadCount: threads)),
            logger: Logger(label: "bench", sink: StreamLogSink(minimumLevel: .warning, format: .text)))
        return (plugin, ledger)
    }

    /// `count` missed-call events delivered one at a time, as the plugin host delivers them.
    func pluginDeliveries(_ count: Int) async throws -> Double {
        let (plugin, _) = try await makePlugin(name: "plugin", threads: 1)
        let context = PluginContext(
            logger: Logger(label: "bench", sink: StreamLogSink(minimumLevel: .warning, format: .text)), clock: SystemPluginClock(),
            http: HTTPSession(), state: NoState())
        let start = ContinuousClock.now
        for index in 0..<count {
            let event = EventEnvelope(
                seq: Int64(index), id: "acme:\(index)", type: MissedCallNotice.eventType, tenant: "acme", occurredAt: Date(),
                data: ["user": .string("u\(index % 50)"), "to": .string("+4791\(100_000 + index % 50)"), "from": .string("+472\(1_000_000 + index)"), "language": .string("nb")])
            guard try await plugin.deliver(event, context: context) == .delivered else { throw BenchmarkFailure(message: "not delivered") }
        }
        let rate = Double(count) / (ContinuousClock.now - start).seconds
        await plugin.shutdown()
        return rate
    }

    /// `count` sends through `SMSService.send` from `concurrency` concurrent callers (the API's shape).
    func serviceSends(_ count: Int, concurrency: Int) async throws -> Double {
        let (plugin, _) = try await makePlugin(name: "api", threads: 4)
        guard let service = plugin.service else { throw BenchmarkFailure(message: "no service") }
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for index in stride(from: worker, to: count, by: concurrency) {
                        let request = SMSSendRequest(
                            requestID: "req-\(index)", tenant: "acme", user: "u\(index % 50)", purpose: .phone,
                            recipient: "+4791\(100_000 + index % 1000)", text: "Hei! Ring meg tilbake når du kan. Mvh Ann")
                        let record = try await service.send(request)
                        guard record.status == .accepted else { throw BenchmarkFailure(message: "not accepted") }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    /// The floor: the same POSTs straight through `HTTPSession`, one at a time, no ledger.
    func directPosts(_ count: Int) async throws -> Double {
        let http = HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 1))
        let start = ContinuousClock.now
        for index in 0..<count {
            let body = Array("to=%2B4791100000&from=Sentralbord&text=Tapt%20anrop&ref=k\(index)".utf8)
            let response = try await http.send(
                HTTPClientRequest(method: .post, url: stub.url, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body))
            guard response.isSuccess else { throw BenchmarkFailure(message: "stub answered \(response.status)") }
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }
}

/// Plugin state the SMS plugin never uses.
struct NoState: PluginStateStore {
    func value(for key: String) async throws -> [UInt8]? { nil }
    func set(_ value: [UInt8], for key: String) async throws {}
    func remove(_ key: String) async throws {}
}
