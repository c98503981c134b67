import Foundation

/// A task executor with one thread of its own, one per plugin instance: deliveries run there,
/// so a plugin that blocks its thread (a blocking C call, a busy loop) stalls only itself and
/// never the two threads of Swift's cooperative pool that the engine and the API share.
final class PluginThread: TaskExecutor, @unchecked Sendable {
    // `jobs` and `stopping` are guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false

    /// Starts the thread, named `name` for debuggers. The thread holds the executor until it
    /// ends (after ``stop()``): an executor let go of at once, as a dead-letter replay with no
    /// letters does, must not be gone before its thread first looks at it.
    init(name: String) {
        let thread = Thread { self.runJobs() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once it has run what is queued. A thread blocked by its plugin
    /// ends only when the plugin returns.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
