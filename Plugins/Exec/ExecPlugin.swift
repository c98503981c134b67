public import PluginKit

/// Runs a configured executable and hands it events over a line protocol:
///
/// - each event is written to the child's stdin as one line of JSON (the ``EventEnvelope``,
///   sorted keys), and the next event only after the child acknowledged this one;
/// - the child answers each event with one line on stdout: `{"id":"…","ok":true}`, or
///   `{"id":"…","ok":false,"retry":true|false,"error":"…"}` → transient or permanent;
/// - an acknowledgement of another id, a line that is no acknowledgement, the end of stdout
///   or the child's exit fail the delivery as transient; the child is stopped and started
///   again on the next delivery, after a backoff (``RestartBackoff``) when it keeps failing;
/// - each stderr line is logged at warning with the instance name and the child's pid;
/// - a cancelled delivery (the host's timeout) kills the child's process group at once.
///
/// The child starts on the first delivery, not when the plugin is made.
public struct ExecPlugin: Plugin, CustomStringConvertible, CustomReflectable {
    /// `exec/INSTANCE`.
    public let identity: PluginIdentity
    /// Which events the instance receives.
    public let filter: EventFilter
    /// What it runs.
    public let command: ExecCommand
    private let supervisor: ExecSupervisor

    /// Creates the instance `instance` running `command`.
    public init(instance: String, filter: EventFilter, command: ExecCommand) {
        identity = PluginIdentity(kind: ExecPluginFactory.kind, instance: instance)
        self.filter = filter
        self.command = command
        supervisor = ExecSupervisor(identity: identity, command: command)
    }

    /// Hands `event` to the child and returns when it acknowledged it.
    public func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        try await supervisor.deliver(event, context: context)
    }

    /// Closes the child's stdin, waits briefly for it to exit, then terminates it.
    public func shutdown() async {
        await supervisor.shutdown()
    }

    /// `exec/INSTANCE → EXECUTABLE`; arguments and passed variables are not shown.
    public var description: String { "\(identity) → \(command.executable)" }

    /// Shows what `description` shows.
    public var customMirror: Mirror { Mirror(self, children: ["plugin": description]) }
}
