import Foundation
import Synchronization

/// Threads of its own that run one round's writes in parallel with the calling thread.
///
/// Not `DispatchQueue.concurrentPerform`: on Linux its threads are the ones Swift's tasks run
/// on (two here), and a round that held them for milliseconds delayed the requests and the
/// feed's own reading.
final class WriteLanes: Sendable {
    /// The work of the current round, given each lane's number.
    private let work = Mutex<(@Sendable (Int) -> Void)?>(nil)
    private let starts: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    /// The lanes, counting the calling thread's.
    let count: Int

    /// Starts `count - 1` threads named after `name`.
    init(count: Int, name: String) {
        self.count = max(1, count)
        starts = (1..<max(1, count)).map { _ in DispatchSemaphore(value: 0) }
        for lane in 1..<self.count {
            let thread = Thread { [self] in
                Thread.current.name = "\(name)-\(lane)"
                run(lane)
            }
            thread.start()
        }
    }

    /// Runs `body` for lane 0 on the calling thread and for every other lane on its thread;
    /// returns when all are done. Not reentrant: one caller at a time.
    func perform(_ body: @escaping @Sendable (Int) -> Void) {
        work.withLock { $0 = body }
        starts.forEach { $0.signal() }
        body(0)
        for _ in starts { done.wait() }
        work.withLock { $0 = nil }
    }

    /// Ends the lanes' threads.
    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        starts.forEach { $0.signal() }
        for _ in starts { done.wait() }
    }

    private func run(_ lane: Int) {
        while true {
            starts[lane - 1].wait()
            if stopped.load(ordering: .relaxed) {
                done.signal()
                return
            }
            work.withLock { $0 }?(lane)
            done.signal()
        }
    }
}
