import CICal
import Foundation

/// A VEVENT read into values, keeping its component for recurrence expansion. Lives in an
/// ``ICSCalendar`` and is used on the libical queue only.
struct EventRecord {
    /// How long each occurrence lasts: exact seconds for timed events, calendar days for
    /// all-day events (a day across a DST change is not 86,400 s).
    enum Length {
        case seconds(Int)
        case days(Int)
    }

    let component: OpaquePointer
    let uid: String
    let summary: String?
    let start: ResolvedTime
    let length: Length
    let availability: EventAvailability
    let isCancelled: Bool
    let recurrenceRule: OpaquePointer?
    let recurrenceDates: [ResolvedTime]
    let exceptionDates: Set<Date>
    let recurrenceID: ResolvedTime?

    /// Reads `component`, or throws when it lacks a UID or a DTSTART.
    init(component: OpaquePointer, zones: ZoneResolver) throws(CalendarError) {
        self.component = component
        guard let uid = icalcomponent_get_uid(component).map({ String(cString: $0) }), !uid.isEmpty else {
            throw CalendarError(code: .invalidEvent, message: "a VEVENT has no UID")
        }
        self.uid = uid
        summary = icalcomponent_get_summary(component).map { String(cString: $0) }
        guard let startProperty = icalcomponent_get_first_property(component, ICAL_DTSTART_PROPERTY),
            case let raw = icalproperty_get_dtstart(startProperty), icaltime_is_null_time(raw) == 0
        else {
            throw CalendarError(code: .invalidEvent, message: "event \(uid) has no valid DTSTART")
        }
        start = zones.resolve(raw, of: startProperty)
        length = try Self.length(of: component, uid: uid, start: start, zones: zones)

        let status = icalcomponent_get_status(component)
        isCancelled = status == ICAL_STATUS_CANCELLED
        let transparent = icalcomponent_get_first_property(component, ICAL_TRANSP_PROPERTY)
            .map { icalproperty_get_transp($0) == ICAL_TRANSP_TRANSPARENT } ?? false
        availability = transparent || isCancelled ? .free : status == ICAL_STATUS_TENTATIVE ? .tentative : .busy

        recurrenceRule = icalcomponent_get_first_property(component, ICAL_RRULE_PROPERTY)
        recurrenceDates = Self.properties(ICAL_RDATE_PROPERTY, of: component).compactMap { property in
            let value = icalproperty_get_rdate(property)
            let time = icaltime_is_null_time(value.time) == 0 ? value.time : value.period.start
            return icaltime_is_null_time(time) == 0 ? zones.resolve(time, of: property) : nil
        }
        exceptionDates = Set(Self.properties(ICAL_EXDATE_PROPERTY, of: component).map { property in
            zones.resolve(icalproperty_get_exdate(property), of: property).instant
        })
        recurrenceID = icalcomponent_get_first_property(component, ICAL_RECURRENCEID_PROPERTY).map { property in
            zones.resolve(icalproperty_get_recurrenceid(property), of: property)
        }
    }

    /// The end of an occurrence starting at the wall-clock time `local` (in the event's zone).
    func end(startingAt local: icaltimetype, instant: Date) -> Date {
        switch length {
        case .seconds(let seconds):
            return instant.addingTimeInterval(TimeInterval(seconds))
        case .days(let days):
            var endDay = local
            icaltime_adjust(&endDay, Int32(days), 0, 0, 0)
            return ResolvedTime.instant(of: endDay, in: start.zone)
        }
    }

    /// The value as a public ``CalendarEvent``.
    var event: CalendarEvent {
        CalendarEvent(
            uid: uid, summary: summary, start: start.instant, end: end(startingAt: start.local, instant: start.instant),
            isAllDay: start.isDate, timeZoneIdentifier: start.zoneName, availability: availability,
            isCancelled: isCancelled, isRecurring: recurrenceRule != nil || !recurrenceDates.isEmpty,
            recurrenceID: recurrenceID?.instant)
    }

    private static func length(
        of component: OpaquePointer, uid: String, start: ResolvedTime, zones: ZoneResolver
    ) throws(CalendarError) -> Length {
        if let endProperty = icalcomponent_get_first_property(component, ICAL_DTEND_PROPERTY) {
            let end = zones.resolve(icalproperty_get_dtend(endProperty), of: endProperty)
            if start.isDate {
                let days = Calendar.gregorianDays(from: start.local, to: end.local)
                guard days >= 0 else { throw CalendarError(code: .invalidEvent, message: "event \(uid) ends before it starts") }
                return .days(days)
            }
            let seconds = Int(end.instant.timeIntervalSince(start.instant))
            guard seconds >= 0 else { throw CalendarError(code: .invalidEvent, message: "event \(uid) ends before it starts") }
            return .seconds(seconds)
        }
        if let durationProperty = icalcomponent_get_first_property(component, ICAL_DURATION_PROPERTY) {
            let seconds = Int(icaldurationtype_as_int(icalproperty_get_duration(durationProperty)))
            guard seconds >= 0 else { throw CalendarError(code: .invalidEvent, message: "event \(uid) has a negative DURATION") }
            return start.isDate ? .days(seconds / 86_400) : .seconds(seconds)
        }
        // RFC 5545 §3.6.1: without DTEND or DURATION a DATE event lasts one day, a
        // DATE-TIME event ends when it starts.
        return start.isDate ? .days(1) : .seconds(0)
    }

    private static func properties(_ kind: icalproperty_kind, of component: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            found.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return found
    }
}

extension Calendar {
    /// Whole days between two DATE values, counted on the calendar (no zone involved).
    fileprivate static func gregorianDays(from start: icaltimetype, to end: icaltimetype) -> Int {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let first = utc.date(from: DateComponents(year: Int(start.year), month: Int(start.month), day: Int(start.day)))
        let last = utc.date(from: DateComponents(year: Int(end.year), month: Int(end.month), day: Int(end.day)))
        guard let first, let last else { return 0 }
        return utc.dateComponents([.day], from: first, to: last).day ?? 0
    }
}
