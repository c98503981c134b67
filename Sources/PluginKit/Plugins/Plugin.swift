/// An adapter that consumes the gateway's event log: the extension point every built-in
/// integration (screen-pop, SMS, calendar, email, webhook, exec) implements.
///
/// The host gives each configured instance its events in log order, one at a time, on the
/// instance's own cursor, filtered by `filter`. Delivery is at least once: after a crash or a
/// retry the same event (same `id`) may come again, so side effects must be keyed by the
/// event id (plus recipient and purpose where one event causes several).
///
/// Implementation requirements:
/// - `deliver` returns `.delivered` only when the effect has happened, `.skipped` when there
///   is nothing to do, and throws `PluginError` otherwise, choosing the kind that tells the
///   host whether to retry (see `PluginError`).
/// - `deliver` honours task cancellation promptly: the host cancels it at the instance's
///   timeout.
/// - `deliver` never blocks a thread of the cooperative pool (run blocking C calls on their own
///   threads) and never logs secrets.
/// - `shutdown` releases what the plugin holds (processes, connections); it has a default
///   that does nothing.
///
/// Every plugin's tests run `PluginConformance` (target `PluginKitTesting`) against it.
public protocol Plugin: Sendable {
    /// Which instance this is.
    var identity: PluginIdentity { get }
    /// Which events it wants.
    var filter: EventFilter { get }
    /// Acts on one event.
    func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome
    /// Stops whatever the plugin runs; called once when the gateway shuts down.
    func shutdown() async
}

extension Plugin {
    /// Does nothing.
    public func shutdown() async {}
}
