/// What the host gives a plugin with every delivery: its logger, a clock, outbound HTTP,
/// its durable state, where it emits events, and which attempt this is.
public struct PluginContext: Sendable {
    /// A logger labelled `plugin.KIND.INSTANCE`.
    public var logger: Logger
    /// The clock to read and wait with.
    public var clock: any PluginClock
    /// Outbound HTTP (libcurl in the gateway).
    public var http: any HTTPTransport
    /// The instance's durable key-value state.
    public var state: any PluginStateStore
    /// Appends events to the log (a notification for one user, a screen-pop); see
    /// ``PluginEventSink`` for the rules.
    public var events: any PluginEventSink
    /// 1 for the first try of this event, 2 for the first retry, and so on.
    public var attempt: Int

    /// Creates a context.
    public init(
        logger: Logger, clock: any PluginClock, http: any HTTPTransport, state: any PluginStateStore,
        events: any PluginEventSink = NoEventLog(), attempt: Int = 1
    ) {
        self.events = events
        self.logger = logger
        self.clock = clock
        self.http = http
        self.state = state
        self.attempt = attempt
    }
}
