public import PluginKit

/// What the plugin host needs from durable storage: the event log to read, and per instance
/// its status (cursor included) and dead letters. The gateway's is backed by SQLite.
///
/// Implementation requirements: `save` writes the status and the dead letters (if any) in
/// one transaction; `waitForEvents` suspends without polling
/// until the log has events after `seq` (or the task is cancelled).
public protocol PluginDeliveryStore: Sendable {
    /// Up to `limit` events after `seq`, in log order.
    func events(after seq: Int64, limit: Int) async throws -> [EventEnvelope]
    /// Suspends until the log's last position is after `seq`; returns that position.
    func waitForEvents(after seq: Int64) async throws -> Int64
    /// The log's last position.
    func lastSeq() async throws -> Int64
    /// The saved status of `instance`, or nil for a new instance.
    func status(of instance: String) async throws -> PluginInstanceStatus?
    /// Saves `status`, and `deadLetters` with it.
    func save(_ status: PluginInstanceStatus, deadLetters: [DeadLetter]) async throws
    /// The dead letters of `instance`, oldest first.
    func deadLetters(of instance: String) async throws -> [DeadLetter]
    /// Removes the dead letter of `instance` for the event at `seq`.
    func removeDeadLetter(instance: String, seq: Int64) async throws
}
