/// Something that runs for as long as the gateway does: the HTTP server, the engines' timers,
/// the plugin host, the stream hub, a plugin's background loop. A ``ServiceGroup`` starts
/// services in order and stops them in reverse (the model of swift-service-lifecycle, written
/// small).
///
/// Implementation requirements:
/// - `start` does what must succeed before the next service starts (bind a port, open a
///   file) and returns; it throws when the service cannot run, and then leaves nothing
///   running. It has a default that does nothing.
/// - `run` works until its task is cancelled, then stops gracefully (finishing or handing
///   back work in flight) and returns. It returns early only when its work is done; it
///   throws when it fails, which stops the group.
/// - `beginShutdown` (default: nothing) is called on every service, in reverse start order,
///   before any is cancelled: for what others' stopping waits on (the event feed closes, so
///   long polls answer before the HTTP server waits for in-flight requests). It returns at
///   once.
/// - Neither blocks a thread of the cooperative pool.
public protocol Service: Sendable {
    /// A name for logs: `http`, `plugins`, `plugin.sms.sender`.
    var name: String { get }
    /// Prepares to run; see the protocol's requirements.
    func start() async throws
    /// Runs until cancelled, then stops gracefully.
    func run() async throws
    /// Signals that the group is about to stop; returns at once.
    func beginShutdown()
}

extension Service {
    /// Does nothing.
    public func start() async throws {}

    /// Does nothing.
    public func beginShutdown() {}
}

/// Suspends until the calling task is cancelled: the body of a service that holds something
/// open (a listening server) and releases it when the group stops.
public func waitUntilCancelled() async {
    let never = AsyncStream<Never> { _ in }
    for await _ in never {}
}
