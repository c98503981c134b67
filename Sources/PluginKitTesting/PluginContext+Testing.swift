public import PluginKit

extension PluginContext {
    /// A context for plugin tests: an in-memory logger (returned so the test can read it), the
    /// given transport and clock, in-memory state.
    public static func testing(
        http: any HTTPTransport, clock: any PluginClock = ManualPluginClock(), attempt: Int = 1
    ) -> (context: PluginContext, log: InMemoryLogSink) {
        let sink = InMemoryLogSink()
        let context = PluginContext(
            logger: Logger(label: "plugin.test", sink: sink), clock: clock, http: http,
            state: InMemoryPluginStateStore(), attempt: attempt)
        return (context, sink)
    }
}
