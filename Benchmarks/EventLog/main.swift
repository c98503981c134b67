// bench-eventlog [DIRECTORY]: durable append throughput of the event log — group commit with
// many concurrent appenders, and one transaction per event — beside the sqlite3 CLI inserting
// the same rows in one transaction, on the same disk, in the same run. Files go in a fresh
// folder under DIRECTORY (default .build/bench-eventlog), removed at the end.
import Foundation
import Storage

let arguments = CommandLine.arguments
let parent = arguments.count > 1 ? arguments[1] : ".build/bench-eventlog"
let directory = URL(fileURLWithPath: parent).appendingPathComponent(UUID().uuidString).path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

let report = BenchmarkReport(directory: directory)
report.header()

let reference = try SQLiteCLIReference(directory: directory, rows: 100_000)
report.line("sqlite3 CLI: BEGIN; 100,000 INSERTs; COMMIT", eventsPerSecond: try reference.run())

for (appenders, batch) in [(64, 10), (256, 1), (16, 100)] {
    let run = GroupCommitRun(directory: directory, appenders: appenders, batchSize: batch, events: 200_000)
    report.line("EventLog group commit: \(appenders) appenders, batches of \(batch)", eventsPerSecond: try await run.run())
}

let single = GroupCommitRun(directory: directory, appenders: 1, batchSize: 1, events: 3_000)
report.line("EventLog one transaction per event: 1 appender, batches of 1", eventsPerSecond: try await single.run())
