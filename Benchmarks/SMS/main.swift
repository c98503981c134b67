// bench-sms [DIRECTORY]: SMS through the plugin and the SMS service to a local provider stub
// (our HTTP server on 127.0.0.1) with the durable SQLite ledger, beside bare POSTs to the same
// stub; then 1,000,000 ledger rows exported to CSV by `BillingExporter` and by the sqlite3
// shell, in the same run. Files go in a fresh folder under DIRECTORY (default
// .build/bench-sms), removed at the end.
import Foundation

let arguments = CommandLine.arguments
let parent = arguments.count > 1 ? arguments[1] : ".build/bench-sms"
let directory = URL(fileURLWithPath: parent).appendingPathComponent(UUID().uuidString).path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

func line(_ what: String, _ value: String) {
    print(what.padding(toLength: 72, withPad: " ", startingAt: 0) + value)
}

print("bench-sms: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date())")
let stub = try ProviderStub()
let sends = SendRun(directory: directory, stub: stub)
line("reference: bare POSTs to the stub, one at a time (no ledger)", String(format: "%8.0f/s", try await sends.directPosts(5_000)))
line("plugin: missed-call events delivered one at a time (ledger, provider)", String(format: "%8.0f/s", try await sends.pluginDeliveries(5_000)))
line("service: SMSService.send from 32 concurrent callers", String(format: "%8.0f/s", try await sends.serviceSends(20_000, concurrency: 32)))
await stub.stop()

let export = ExportRun(directory: directory, rows: 1_000_000)
try await export.prepare()
let reference = try export.exportWithSQLiteCLI()
let ours = try await export.exportWithBillingExporter()
line("export 1,000,000 rows: sqlite3 -csv (raw columns)", String(format: "%8.2f s  %6.1f MB", reference.seconds, Double(reference.bytes) / 1e6))
line("export 1,000,000 rows: BillingExporter csv (amounts, VAT, totals)", String(format: "%8.2f s  %6.1f MB", ours.seconds, Double(ours.bytes) / 1e6))
line("ratio ours / sqlite3", String(format: "%8.2f×", ours.seconds / reference.seconds))
