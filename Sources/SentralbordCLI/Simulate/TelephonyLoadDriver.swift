import Foundation
import HTTPClient
import PluginKit
import Synchronization

/// Plays a telephone platform against a running gateway through its telephony API: calls
/// arrive at the given rate for the given numbers; the phones the gateway rings (learned
/// from the event stream, long-polled) answer after a second or few with a given chance;
/// answered callers hang up after a short talk. What `sentralbord simulate` runs.
final class TelephonyLoadDriver: Sendable {
    /// What the driver has done so far.
    struct Counts: Sendable {
        var callsStarted = 0
        var answered = 0
        var hungUp = 0
        var events = 0
        var errors = 0
    }

    private let session = HTTPSession()
    private let baseURL: String
    private let key: String
    private let callsPerSecond: Double
    private let answerPercent: Int
    private let numbers: [String]
    private let counts = Mutex(Counts())

    init(baseURL: String, key: String, callsPerSecond: Double, answerPercent: Int, numbers: [String]) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.callsPerSecond = callsPerSecond
        self.answerPercent = answerPercent
        self.numbers = numbers
    }

    /// The counts so far.
    var snapshot: Counts { counts.withLock { $0 } }

    /// The main numbers of the company's queues (needs the `read` scope).
    func queueNumbers() async throws -> [String] {
        let response = try await send(.get, "/api/v1/queues")
        guard response.status == 200,
            let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let queues = object["queues"] as? [[String: Any]]
        else {
            throw DriverError("GET /api/v1/queues answered \(response.status): \(response.text)")
        }
        return queues.compactMap { $0["mainNumber"] as? String }
    }

    /// Runs arrivals and the phones until the task is cancelled.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.arrivals() }
            group.addTask { await self.phones() }
        }
    }

    private func arrivals() async {
        let interval = 1 / callsPerSecond
        var next = ContinuousClock.now
        while !Task.isCancelled {
            let caller = "+4745\(Int.random(in: 100_000...999_999))"
            let to = numbers.randomElement()!
            let body = #"{"from": "\#(caller)", "to": "\#(to)"}"#
            let started = (try? await send(.post, "/api/v1/telephony/calls", body: body))?.status == 201
            counts.withLock { started ? ($0.callsStarted += 1) : ($0.errors += 1) }
            next = next + .seconds(interval)
            try? await Task.sleep(until: next)
        }
    }

    private func phones() async {
        var after = (try? await lastEventID()) ?? 0
        while !Task.isCancelled {
            guard let response = try? await send(.get, "/api/v1/events/poll?after=\(after)&timeoutSeconds=20&limit=500"),
                response.status == 200,
                let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            else {
                counts.withLock { $0.errors += 1 }
                try? await Task.sleep(for: .seconds(1))
                continue
            }
            after = (object["lastEventId"] as? Int64) ?? Int64(object["lastEventId"] as? Int ?? Int(after))
            for event in object["events"] as? [[String: Any]] ?? [] {
                counts.withLock { $0.events += 1 }
                react(to: event)
            }
        }
    }

    private func react(to event: [String: Any]) {
        let data = event["data"] as? [String: Any] ?? [:]
        switch event["type"] as? String {
        case "queue.offer.ringing", "call.ringing":
            guard let leg = data["leg"] as? String, Int.random(in: 0..<100) < answerPercent else { return }
            later(.milliseconds(Int64.random(in: 800...4000)), "/api/v1/telephony/legs/\(leg)/answered") { $0.answered += 1 }
        case "call.answered":
            guard let call = event["callId"] as? String else { return }
            later(.milliseconds(Int64.random(in: 5_000...40_000)), "/api/v1/telephony/legs/\(call).0/hangup") { $0.hungUp += 1 }
        default:
            break
        }
    }

    private func later(_ delay: Duration, _ path: String, count: @escaping @Sendable (inout Counts) -> Void) {
        Task {
            try? await Task.sleep(for: delay)
            if (try? await send(.post, path))?.isSuccess == true { counts.withLock { count(&$0) } }
        }
    }

    private func lastEventID() async throws -> Int64 {
        let response = try await send(.get, "/api/v1/events/poll?timeoutSeconds=0&limit=1")
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return Int64(object?["lastEventId"] as? Int ?? 0)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String? = nil) async throws -> HTTPClientResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(key)"]
        if body != nil { headers["Content-Type"] = "application/json" }
        return try await session.send(HTTPClientRequest(
            method: method, url: baseURL + path, headers: headers, body: body.map { Array($0.utf8) }, timeout: .seconds(30)))
    }
}

/// The driver could not start, with what the gateway said.
struct DriverError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
