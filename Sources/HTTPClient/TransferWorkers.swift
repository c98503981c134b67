import Foundation

/// A fixed set of dedicated threads that run blocking libcurl transfers, so that
/// `curl_easy_perform` never occupies Swift's cooperative pool. Each thread owns one
/// ``CurlHandle`` and reuses it, keeping connections alive between transfers.
///
/// `@unchecked Sendable`: `jobs` and `isShutDown` are only touched with `condition` locked.
final class TransferWorkers: @unchecked Sendable {
    /// Work for a thread; it receives the thread's handle (nil if libcurl could not make one).
    typealias Job = @Sendable (CurlHandle?) -> Void

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var isShutDown = false

    /// Starts `threadCount` threads named `name-0`, `name-1`, ….
    init(threadCount: Int, name: String) {
        precondition(threadCount > 0, "TransferWorkers needs at least one thread")
        for index in 0..<threadCount {
            let thread = Thread { [self] in work() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Queues `job`; false (and the job is dropped) once ``shutDown()`` was called.
    func submit(_ job: @escaping Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isShutDown else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Lets the threads finish the queued jobs and exit.
    func shutDown() {
        condition.lock()
        isShutDown = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        let handle = CurlHandle()
        while let job = nextJob() {
            handle?.reset()
            job(handle)
        }
    }

    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !isShutDown {
            condition.wait()
        }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}
