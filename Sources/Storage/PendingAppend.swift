import PluginKit

/// One caller's batch waiting for the group commit, and the continuation that resumes the
/// caller once the batch is durable (or has failed).
struct PendingAppend: Sendable {
    let rows: [EventRow]
    let continuation: CheckedContinuation<[EventEnvelope], any Error>
}
