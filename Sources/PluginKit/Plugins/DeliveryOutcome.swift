/// What a plugin did with an event it was given.
public enum DeliveryOutcome: Sendable, Equatable {
    /// The event's effect happened (sent, posted, acknowledged).
    case delivered
    /// The plugin chose not to act (e.g. the event carries nothing for it); not an error.
    case skipped(reason: String)
}
