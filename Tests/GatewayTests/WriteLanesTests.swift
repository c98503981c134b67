import Foundation
@testable import Gateway
import Synchronization
import Testing

/// The stream hub's write lanes: every lane runs once per round, on threads of their own, and
/// a round returns only when all are done.
@Suite("Write lanes")
struct WriteLanesTests {
    @Test func everyLaneRunsOncePerRoundAndTheRoundWaitsForAll() {
        let lanes = WriteLanes(count: 3, name: "test-lane")
        for round in 0..<50 {
            let ran = Mutex<[Int]>([])
            let threads = Mutex<Set<UInt>>([])
            lanes.perform { lane in
                if lane == 2 { usleep(1000) }
                ran.withLock { $0.append(lane) }
                // The thread's identity, not its name: names are only what a thread says it is
                // (and read differently where /proc differs).
                threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            }
            #expect(ran.withLock { $0.sorted() } == [0, 1, 2], "round \(round)")
            #expect(threads.withLock { $0.count } == 3, "each lane on its own thread")
        }
        lanes.stop()
    }
}
