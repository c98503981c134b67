public import Foundation

/// One VEVENT as written in the calendar: a single event, the master of a recurring series,
/// or an override of one instance (``recurrenceID`` set).
public struct CalendarEvent: Hashable, Sendable {
    /// The UID shared by a series and its overrides.
    public var uid: String
    /// The SUMMARY, if any.
    public var summary: String?
    /// DTSTART as an instant, its TZID resolved (floating times in the default zone).
    public var start: Date
    /// The end instant: DTEND, DTSTART + DURATION, or the RFC 5545 default.
    public var end: Date
    /// Whether DTSTART is a DATE: then start and end are local midnights in the default zone.
    public var isAllDay: Bool
    /// The IANA zone the times were read in (`UTC` for UTC times).
    public var timeZoneIdentifier: String
    /// Availability from STATUS and TRANSP.
    public var availability: EventAvailability
    /// Whether STATUS is CANCELLED.
    public var isCancelled: Bool
    /// Whether the event has RRULE or RDATE.
    public var isRecurring: Bool
    /// For an override, the original start of the instance it replaces.
    public var recurrenceID: Date?
}
