import Foundation
import PeerSupport
import Storage
import Testing

/// GW-3 under kill -9: an `sms-crash-probe` child sends SMS through the service and the SQLite
/// ledger to a local gateway that SIGKILLs the child at chosen requests — before answering (the
/// provider has the message, the child never learns it) and just after answering (the child
/// may or may not have recorded the acceptance). Each killed run is started again until one
/// finishes. At worst one duplicate send per kill, never a double charge, never a lost SMS.
@Suite("GW-3 SMS ledger under kill -9", .serialized)
struct SMSCrashTests {
    static let gateway = #"""
        import json, os, signal, sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qsl
        kill_before = {int(n) for n in sys.argv[1].split(",")}
        kill_after = {int(n) for n in sys.argv[2].split(",")}
        count = 0
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def do_POST(self):
                global count
                count += 1
                form = dict(parse_qsl(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()))
                print("REQUEST", form["ref"], flush=True)
                if count in kill_before:
                    os.kill(int(form["pid"]), signal.SIGKILL)
                    return
                data = json.dumps({"id": f"gw-{count}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()
                if count in kill_after:
                    os.kill(int(form["pid"]), signal.SIGKILL)
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    static var probe: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("sms-crash-probe").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/sms-crash-probe").path
    }

    @Test
    func killedSendersChargeOnceAndLoseNothing() async throws {
        let killBefore = [3, 11, 24]
        let killAfter = [7, 18, 33]
        let gateway = try await LocalPeer(
            script: Self.gateway, arguments: [killBefore.map(String.init).joined(separator: ","), killAfter.map(String.init).joined(separator: ",")])
        defer { gateway.stop() }
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("sms-crash-\(UUID().uuidString).sqlite").path
        let messages = 40
        var runs: [(status: Int32, signalled: Bool, output: String)] = []
        for _ in 0..<10 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.probe)
            process.arguments = [database, "http://127.0.0.1:\(gateway.port)/sms", String(messages)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                }
            }
            runs.append((process.terminationStatus, process.terminationReason == .uncaughtSignal, output))
            if process.terminationReason == .exit { break }
        }
        #expect(runs.filter(\.signalled).count == killBefore.count + killAfter.count, "\(runs)")
        #expect(runs.last?.status == 0 && runs.last?.output == "done\n", "\(runs)")

        var requests: [String: Int] = [:]
        await gateway.stopAndWait()
        while let line = await gateway.nextLine() {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == "REQUEST" { requests[String(parts[1]), default: 0] += 1 }
        }
        let keys = (0..<messages).map { "req-\($0)|+4791100000|phone" }
        #expect(keys.allSatisfy { (requests[$0] ?? 0) >= 1 }, "every SMS reached the provider")
        #expect(requests.values.allSatisfy { $0 <= 2 }, "at most one duplicate per SMS: \(requests.filter { $0.value > 1 })")
        #expect(requests.values.reduce(0, +) - messages <= killBefore.count + killAfter.count)
        #expect(requests.values.filter { $0 == 2 }.count >= killBefore.count, "each kill before the answer causes one resend")

        let queue = try DatabaseQueue(path: database)
        let summary = try await queue.access { database in
            let select = try database.prepare("SELECT count(*), count(DISTINCT idempotency_key), sum(net_ore), sum(status = 'accepted') FROM sms_ledger")
            _ = try select.step()
            return [select.int64(at: 0), select.int64(at: 1), select.int64(at: 2), select.int64(at: 3)]
        }
        #expect(summary == [Int64(messages), Int64(messages), Int64(messages * 49), Int64(messages)])
    }
}
