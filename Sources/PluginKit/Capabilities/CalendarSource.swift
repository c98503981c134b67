public import Foundation

/// Reads a user's calendar (a CalDAV collection or an ICS feed): the capability the calendar
/// plugin is built on, and what answers "is she free now?" (GW-4, DIR-4).
///
/// Implementation requirements: `entries` expands recurrences, applies exceptions and time
/// zones, and returns the entries overlapping `interval` sorted by start; an unreachable
/// source throws `.transient`, bad credentials `.misconfigured`.
public protocol CalendarSource: Sendable {
    /// The entries of `user` overlapping `interval`.
    func entries(for user: String, in interval: DateInterval) async throws(PluginError) -> [CalendarEntry]
}

/// One occurrence in a user's calendar.
public struct CalendarEntry: Sendable, Equatable {
    /// How the entry counts for availability.
    public enum Availability: String, Sendable, Equatable {
        case busy, tentative, free
    }

    /// The event's UID (occurrences of one series share it).
    public var uid: String
    /// The title; may be hidden for private entries.
    public var summary: String
    /// When it starts.
    public var start: Date
    /// When it ends.
    public var end: Date
    /// Whether it is an all-day entry.
    public var isAllDay: Bool
    /// How it counts for availability.
    public var availability: Availability

    /// Creates an entry.
    public init(uid: String, summary: String, start: Date, end: Date, isAllDay: Bool, availability: Availability) {
        self.uid = uid
        self.summary = summary
        self.start = start
        self.end = end
        self.isAllDay = isAllDay
        self.availability = availability
    }
}
