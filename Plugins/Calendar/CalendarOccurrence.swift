public import Foundation

/// One occurrence of an event within a window: the single instance of a plain event,
/// one expanded instance of a series, or an override replacing an instance.
public struct CalendarOccurrence: Hashable, Sendable {
    /// The event's UID.
    public var uid: String
    /// The SUMMARY (an override's own, if it has one).
    public var summary: String?
    /// When this occurrence starts.
    public var start: Date
    /// When this occurrence ends.
    public var end: Date
    /// Whether it lasts whole days (start and end are local midnights in the default zone).
    public var isAllDay: Bool
    /// Availability from STATUS and TRANSP.
    public var availability: EventAvailability
    /// Whether the occurrence is cancelled (`STATUS:CANCELLED`).
    public var isCancelled: Bool
    /// The instance's original start when the occurrence is part of a series (equal to
    /// `start` unless an override moved it); nil for a plain event.
    public var recurrenceID: Date?
}
