/// What an event means for the person's availability, from its STATUS and TRANSP.
/// (libical's own `is_busy` cannot tell these apart.)
public enum EventAvailability: Hashable, Sendable {
    /// Opaque and confirmed (or without STATUS): the person is busy.
    case busy
    /// `STATUS:TENTATIVE`: possibly busy.
    case tentative
    /// `TRANSP:TRANSPARENT` or `STATUS:CANCELLED`: the event does not block time.
    case free
}
