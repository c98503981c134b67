/// What one command or one `advance(to:)` produced: the events for the log, in order, and
/// the telephony commands for the driver, in order.
public struct SwitchboardEffects: Sendable, Hashable {
    /// New events, to be appended to the event log as one batch.
    public var events: [SwitchboardEvent]
    /// Commands for the telephony driver.
    public var telephony: [TelephonyCommand]

    /// Effects with the given events and commands (none by default).
    public init(events: [SwitchboardEvent] = [], telephony: [TelephonyCommand] = []) {
        self.events = events
        self.telephony = telephony
    }

    /// Appends `other`'s events and commands after these.
    public mutating func append(_ other: SwitchboardEffects) {
        events.append(contentsOf: other.events)
        telephony.append(contentsOf: other.telephony)
    }
}
