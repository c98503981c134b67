import CICal
public import Foundation

/// A parsed iCalendar (RFC 5545) document: its events, and their occurrences in any window.
///
/// Times are resolved the way people mean them: TZID from the calendar's VTIMEZONEs or the
/// system zoneinfo (Windows zone names mapped to IANA), floating and all-day times in the
/// default zone given at parse time. Every libical call runs on one serial queue shared by
/// all calendars, never on Swift's cooperative pool. Supported: RRULE, RDATE (DATE-TIME;
/// a PERIOD counts by its start), EXDATE, RECURRENCE-ID overrides of single instances
/// (`RANGE=THISANDFUTURE` is treated as a single instance).
public final class ICSCalendar: @unchecked Sendable {
    // `@unchecked Sendable`: the component tree and the records pointing into it are read
    // and freed only on the libical queue; everything else is immutable.
    private let root: OpaquePointer
    private let records: [EventRecord]
    private let zones: ZoneResolver

    /// Every VEVENT in the calendar, in document order (series masters and overrides alike).
    public let events: [CalendarEvent]

    private init(root: OpaquePointer, records: [EventRecord], zones: ZoneResolver) {
        self.root = root
        self.records = records
        self.zones = zones
        events = records.map(\.event)
    }

    deinit {
        let tree = ComponentTree(root: root)
        LibICal.schedule { icalcomponent_free(tree.root) }
    }

    /// Parses `text`, reading floating and all-day times in `defaultTimeZone` (an IANA name,
    /// e.g. `Europe/Oslo`: the user's zone). Throws ``CalendarError`` for text that is not a
    /// well-formed VCALENDAR, for an event without UID or DTSTART, and for an unknown zone.
    public static func parse(_ text: String, defaultTimeZone: String) async throws(CalendarError) -> ICSCalendar {
        try await LibICal.run { () throws(CalendarError) in
            guard let defaultZone = ZoneResolver.builtinZone(named: defaultTimeZone) else {
                throw CalendarError(code: .unknownTimeZone, message: "\(defaultTimeZone) is not a known time zone")
            }
            guard let root = icalparser_parse_string(text) else {
                throw CalendarError(code: .malformedCalendar, message: "no iCalendar component found")
            }
            do throws(CalendarError) {
                guard icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT else {
                    throw CalendarError(code: .malformedCalendar, message: "the text is not a VCALENDAR")
                }
                try rejectErrors(in: root)
                let zones = ZoneResolver(calendar: root, defaultZone: defaultZone, defaultZoneName: defaultTimeZone)
                var records: [EventRecord] = []
                var event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT)
                while let current = event {
                    try rejectErrors(in: current)
                    records.append(try EventRecord(component: current, zones: zones))
                    event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)
                }
                return ICSCalendar(root: root, records: records, zones: zones)
            } catch {
                icalcomponent_free(root)
                throw error
            }
        }
    }

    /// Every occurrence that overlaps `window` (start before the window's end, end after its
    /// start; an instant event counts when it starts inside), sorted by start. Series are
    /// expanded with EXDATEs removed and overridden instances replaced by their overrides.
    public func occurrences(in window: DateInterval) async -> [CalendarOccurrence] {
        // The body throws nothing; `run` only forwards CalendarError.
        (try? await LibICal.run { [self] in
            RecurrenceExpansion(records: records, window: window).occurrences()
        }) ?? []
    }

    /// Loads the named IANA zones (e.g. the users' zones) so the first expansions do not pay
    /// for, or race on, libical's lazy zone loading. Call at start-up; unknown names are ignored.
    public static func prepareTimeZones(_ identifiers: [String]) async {
        _ = try? await LibICal.run {
            for identifier in identifiers {
                if let zone = ZoneResolver.builtinZone(named: identifier) {
                    _ = icaltime_as_timet_with_zone(icaltime_from_day_of_year(1, 2000), zone)
                }
            }
        }
    }

    /// Throws the first X-LIC-ERROR libical attached to `component` while parsing.
    private static func rejectErrors(in component: OpaquePointer) throws(CalendarError) {
        guard let property = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY) else { return }
        let message = icalproperty_get_xlicerror(property).map { String(cString: $0) } ?? "unknown error"
        throw CalendarError(code: .malformedCalendar, message: message)
    }
}

/// Carries the root component to the libical queue for freeing.
private struct ComponentTree: @unchecked Sendable {
    let root: OpaquePointer
}
