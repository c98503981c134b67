import Dispatch
import Foundation
import PluginKit
import Storage
import Synchronization
import Testing

/// A webhook receiver on 127.0.0.1 that answers 200 and prints `seq webhook-id event-id` for
/// every POST; stopped by its process id.
private final class RecordingReceiver: Sendable {
    private let process = Process()
    private let output = LineCollector()
    let port: Int

    private static let script = #"""
        import json, signal, sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                event = json.loads(body)
                print(event["seq"], self.headers.get("webhook-id"), event["id"], flush=True)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *args):
                pass
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    init() async throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-u", "-c", Self.script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if !chunk.isEmpty { output.append(chunk) }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(10)
        while output.lines.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        guard let first = output.lines.first, let port = Int(first) else { throw CancellationError() }
        self.port = port
    }

    /// Every delivery so far: (seq, webhook-id, event id).
    var deliveries: [(seq: Int64, webhookID: String, eventID: String)] {
        output.lines.dropFirst().compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 3, let seq = Int64(parts[0]) else { return nil }
            return (seq, parts[1], parts[2])
        }
    }

    func stop() { process.terminate() }
}

/// Complete lines of a child's output, collected as bytes arrive.
private final class LineCollector: Sendable {
    private let state = Mutex<(pending: Data, lines: [String])>((Data(), []))

    func append(_ chunk: Data) {
        state.withLock { state in
            state.pending.append(chunk)
            while let newline = state.pending.firstIndex(of: UInt8(ascii: "\n")) {
                state.lines.append(String(decoding: state.pending[state.pending.startIndex..<newline], as: UTF8.self))
                state.pending = Data(state.pending[state.pending.index(after: newline)...])
            }
        }
    }

    var lines: [String] { state.withLock { $0.lines } }
}

@Suite("Crash test: kill -9 under load loses nothing acknowledged (GW-1)", .serialized)
struct CrashTests {
    @Test func killedThreeTimesTheLogAndTheWebhookReceiverStayComplete() async throws {
        let receiver = try await RecordingReceiver()
        defer { receiver.stop() }
        let key = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("sb-crash-\(UUID().uuidString)").path
        let config = { (directory: String, simulate: Bool) in
            """
            [storage]
            data_directory = "\(directory)"
            [log]
            level = "notice"
            [simulation]
            enabled = \(simulate)
            calls_per_minute = 3000
            [[tenants]]
            id = "acme"
            name = "Acme AS"
            [[tenants.users]]
            id = "kari"
            name = "Kari"
            mobile = "400 00 001"
            [[tenants.users]]
            id = "ola"
            name = "Ola"
            mobile = "400 00 002"
            [[tenants.queues]]
            id = "support"
            name = "Support"
            main_number = "21 00 00 00"
            members = [{ user = "kari" }, { user = "ola" }]
            [[plugins]]
            name = "receiver"
            kind = "webhook"
            url = "http://127.0.0.1:\(receiver.port)/hook"
            secrets = ["env:SB_CRASH_WEBHOOK_SECRET"]
            timeout_seconds = 5
            backoff_initial_ms = 50
            backoff_max_seconds = 1
            """
        }
        let environment = ["SB_CRASH_WEBHOOK_SECRET": key]
        var logged: Int64 = 0
        for _ in 0..<3 {
            let serve = try ServeProcess(config: { config($0, true) }, environment: environment, dataDirectory: data)
            _ = try await serve.port()
            // Killed once it has logged at least 20 more events (however busy the machine),
            // at a random moment after that.
            let watcher = try EventLog.open(path: data + "/sentralbord.sqlite")
            let enough = ContinuousClock.now + .seconds(60)
            while try await watcher.events(after: logged + 19, limit: 1).isEmpty, ContinuousClock.now < enough {
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...300)))
            #expect(try await serve.stop(with: SIGKILL) != 0)
            logged = try EventLog.open(path: data + "/sentralbord.sqlite").lastSeq
        }
        // A last run without new traffic: the plugin catches up with everything in the log.
        let last = try ServeProcess(config: { config($0, false) }, environment: environment, dataDirectory: data)
        _ = try await last.port()
        let reader = try EventLog.open(path: data + "/sentralbord.sqlite")
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            let logged = try await reader.events(after: 0, limit: 100_000).filter { $0.type != "engine.command" }.map(\.seq)
            if Set(logged).isSubset(of: Set(receiver.deliveries.map(\.seq))) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try await last.stop(with: SIGTERM) == 0)

        let log = try EventLog.open(path: data + "/sentralbord.sqlite")
        var events: [EventEnvelope] = []
        while true {
            let page = try await log.events(after: events.last?.seq ?? 0, limit: 10_000)
            if page.isEmpty { break }
            events += page
        }
        #expect(events.count > 50, "the simulation produced load")
        #expect(events.map(\.seq) == Array(1...Int64(events.count)), "seqs without gaps")
        #expect(Set(events.map(\.id)).count == events.count, "every event once")

        let switchboardEvents = events.filter { $0.type != "engine.command" }
        let deliveries = receiver.deliveries
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.seq, $0.id) })
        #expect(deliveries.allSatisfy { byID[$0.seq] == $0.eventID && $0.webhookID == $0.eventID }, "webhook-id is the event id, also on a repeat")
        let received = Set(deliveries.map(\.seq))
        let delivered = switchboardEvents.filter { received.contains($0.seq) }
        #expect(delivered.count == switchboardEvents.count, "every event reached the receiver: \(switchboardEvents.count - delivered.count) missing")
        var highest: Int64 = 0
        var repeats = 0
        for delivery in deliveries {
            if delivery.seq > highest {
                highest = delivery.seq
            } else {
                repeats += 1
            }
        }
        var firstArrivals: [Int64] = []
        var seen: Set<Int64> = []
        for delivery in deliveries where seen.insert(delivery.seq).inserted { firstArrivals.append(delivery.seq) }
        #expect(firstArrivals == firstArrivals.sorted(), "first deliveries in log order")
        #expect(repeats <= 30, "repeats only for the events delivered since the last save before each kill: \(repeats)")
        try? FileManager.default.removeItem(atPath: data)
    }
}
