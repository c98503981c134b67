import Foundation
import PluginKit
import Storage

/// Appends batches of 1–8 events from concurrent tasks forever and acknowledges each
/// appended event on standard output.
struct AcknowledgingAppender {
    let log: EventLog
    let run: String

    func run(tasks: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask { [log, run] in
                    var next = 0
                    while true {
                        let count = Int.random(in: 1...8)
                        let events = (next..<next + count).map { index in
                            NewEvent(
                                id: "\(run)-\(task)-\(index)", type: "probe.appended", tenant: "t\(task % 3)",
                                occurredAt: Date(), callId: "\(run)-\(task)", callSeq: Int64(index), data: ["index": .integer(Int64(index))])
                        }
                        next += count
                        let appended = try await log.append(events)
                        // One write of a few hundred bytes: atomic on a pipe, so lines from
                        // different tasks never interleave, and a kill cuts no line in two.
                        FileHandle.standardOutput.write(Data(appended.map { $0.id + "\n" }.joined().utf8))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
