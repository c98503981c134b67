import Foundation
import PluginKit
import Storage

/// `appenders` concurrent tasks append `events` events to a fresh log in batches of
/// `batchSize`, each awaiting its append before the next, as the engine's tenant actors
/// would.
struct GroupCommitRun {
    let directory: String
    let appenders: Int
    let batchSize: Int
    let events: Int

    /// Returns durably appended events per second.
    func run() async throws -> Double {
        let log = try EventLog.open(path: "\(directory)/log-\(appenders)-\(batchSize).db")
        let batchesPerAppender = events / appenders / batchSize
        let prepared = (0..<appenders).map { appender in
            (0..<batchesPerAppender).map { batch in
                // Numbered in the order they will roughly arrive in, as time-ordered ids are.
                (0..<batchSize).map { BenchmarkEvent.make((batch * appenders + appender) * batchSize + $0) }
            }
        }
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batches in prepared {
                group.addTask {
                    for batch in batches { _ = try await log.append(batch) }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let appended = appenders * batchesPerAppender * batchSize
        guard log.lastSeq == Int64(appended) else {
            throw BenchmarkFailure(message: "log holds \(log.lastSeq) events, expected \(appended)")
        }
        return Double(appended) / elapsed.seconds
    }
}
