/// Work started by a request or an event that must not hold up its answer (a login code's
/// delivery, a stream client's catch-up from the log, a plugin's status save), run as
/// children of one service instead of tasks nobody awaits. Jobs submitted before the service
/// runs wait for it; when it is cancelled it takes no more, cancels the jobs in flight and
/// returns once they have ended.
public final class BackgroundWork: Service {
    /// A job.
    public typealias Job = @Sendable () async -> Void

    /// For logs: `background work`.
    public let name: String
    private let jobs: AsyncStream<Job>
    private let submitter: AsyncStream<Job>.Continuation

    /// An idle service named `name`.
    public init(name: String = "background work") {
        self.name = name
        (jobs, submitter) = AsyncStream<Job>.makeStream()
    }

    /// Runs `job` as a child of the service (dropped once the service has stopped).
    public func submit(_ job: @escaping Job) {
        submitter.yield(job)
    }

    /// Runs every submitted job until cancelled, then cancels those in flight and waits for them.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for await job in jobs { group.addTask { await job() } }
            group.cancelAll()
        }
        submitter.finish()
    }
}
