import Foundation
import Storage

/// Prints the run's context and one aligned figure per line.
struct BenchmarkReport {
    let directory: String

    func header() {
        let cpuLine = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
        let cpu = cpuLine?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        print("event log benchmark, \(ISO8601DateFormatter().string(from: Date()))")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu ?? "unknown")")
        print("SQLite \(SQLiteDatabase.libraryVersion), WAL, synchronous=FULL; files in \(directory)")
    }

    func line(_ label: String, eventsPerSecond: Double) {
        let padded = label.padding(toLength: 64, withPad: " ", startingAt: 0)
        print("\(padded) \(String(format: "%10.0f", eventsPerSecond)) events/s")
    }
}
