import CalendarPlugin
import Foundation
import Testing

/// An instant written in ISO 8601 (UTC) for readable expectations.
func utc(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}

/// Lines joined with CRLF, as RFC 5545 requires.
func ics(_ lines: String...) -> String {
    lines.joined(separator: "\r\n") + "\r\n"
}

@Suite("ICSCalendar")
struct ICSCalendarTests {
    /// A weekly Oslo standup across the start of summer time (30 March 2025), with one
    /// instance removed (EXDATE) and one moved (RECURRENCE-ID override).
    static let standup = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sentralbord//Test//EN",
        "BEGIN:VEVENT", "UID:standup@sentralbord", "SUMMARY:Standup",
        "DTSTART;TZID=Europe/Oslo:20250317T100000", "DTEND;TZID=Europe/Oslo:20250317T110000",
        "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Oslo:20250407T100000", "END:VEVENT",
        "BEGIN:VEVENT", "UID:standup@sentralbord", "SUMMARY:Standup (moved)",
        "RECURRENCE-ID;TZID=Europe/Oslo:20250414T100000",
        "DTSTART;TZID=Europe/Oslo:20250414T140000", "DTEND;TZID=Europe/Oslo:20250414T153000", "END:VEVENT",
        "END:VCALENDAR")

    @Test("weekly Oslo series across DST: exact instants, EXDATE removed, override applied")
    func weeklySeries() async throws {
        let calendar = try await ICSCalendar.parse(Self.standup, defaultTimeZone: "Europe/Oslo")
        #expect(calendar.events.count == 2)
        #expect(calendar.events[0].timeZoneIdentifier == "Europe/Oslo")
        #expect(calendar.events[0].isRecurring)
        #expect(calendar.events[1].recurrenceID == (try utc("2025-04-14T08:00:00Z")))

        let window = DateInterval(start: try utc("2025-03-01T00:00:00Z"), end: try utc("2025-05-01T00:00:00Z"))
        let occurrences = await calendar.occurrences(in: window)
        let starts = occurrences.map(\.start)
        #expect(
            starts == [
                try utc("2025-03-17T09:00:00Z"),  // 10:00 CET
                try utc("2025-03-24T09:00:00Z"),
                try utc("2025-03-31T08:00:00Z"),  // 10:00 CEST, after the change
                try utc("2025-04-14T12:00:00Z"),  // the override, 14:00 CEST
                try utc("2025-04-21T08:00:00Z"),
            ])
        #expect(occurrences.allSatisfy { $0.uid == "standup@sentralbord" && !$0.isAllDay && $0.availability == .busy })
        #expect(occurrences[0].end == (try utc("2025-03-17T10:00:00Z")))
        #expect(occurrences[2].recurrenceID == (try utc("2025-03-31T08:00:00Z")))
        let moved = occurrences[3]
        #expect(moved.summary == "Standup (moved)")
        #expect(moved.end == (try utc("2025-04-14T13:30:00Z")))
        #expect(moved.recurrenceID == (try utc("2025-04-14T08:00:00Z")))
    }

    @Test("a narrow window returns only overlapping instances")
    func narrowWindow() async throws {
        let calendar = try await ICSCalendar.parse(Self.standup, defaultTimeZone: "Europe/Oslo")
        let window = DateInterval(start: try utc("2025-03-31T08:30:00Z"), end: try utc("2025-04-14T12:00:00Z"))
        let occurrences = await calendar.occurrences(in: window)
        #expect(occurrences.map(\.start) == [try utc("2025-03-31T08:00:00Z")])
    }

    @Test("an all-day event spans local midnights, across DST")
    func allDay() async throws {
        let text = ics(
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sentralbord//Test//EN",
            "BEGIN:VEVENT", "UID:holiday@sentralbord", "SUMMARY:Påskeferie",
            "DTSTART;VALUE=DATE:20250329", "DTEND;VALUE=DATE:20250331", "TRANSP:TRANSPARENT", "END:VEVENT",
            "BEGIN:VEVENT", "UID:oneday@sentralbord", "DTSTART;VALUE=DATE:20250401", "STATUS:TENTATIVE", "END:VEVENT",
            "END:VCALENDAR")
        let calendar = try await ICSCalendar.parse(text, defaultTimeZone: "Europe/Oslo")
        let holiday = try #require(calendar.events.first)
        #expect(holiday.isAllDay)
        #expect(holiday.summary == "Påskeferie")
        #expect(holiday.start == (try utc("2025-03-28T23:00:00Z")))  // midnight CET
        #expect(holiday.end == (try utc("2025-03-30T22:00:00Z")))  // midnight CEST: 47 hours later
        #expect(holiday.availability == .free)

        let window = DateInterval(start: try utc("2025-03-01T00:00:00Z"), end: try utc("2025-05-01T00:00:00Z"))
        let occurrences = await calendar.occurrences(in: window)
        #expect(occurrences.count == 2)
        let oneDay = occurrences[1]
        #expect(oneDay.uid == "oneday@sentralbord")
        #expect(oneDay.start == (try utc("2025-03-31T22:00:00Z")))
        #expect(oneDay.end == (try utc("2025-04-01T22:00:00Z")))
        #expect(oneDay.availability == .tentative)
    }

    @Test("UTC, floating and Windows-zone times resolve to the right instants")
    func zones() async throws {
        let text = ics(
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sentralbord//Test//EN",
            "BEGIN:VEVENT", "UID:utc", "DTSTART:20250320T120000Z", "DURATION:PT30M", "END:VEVENT",
            "BEGIN:VEVENT", "UID:floating", "DTSTART:20250320T120000", "DTEND:20250320T130000", "END:VEVENT",
            "BEGIN:VEVENT", "UID:outlook", "DTSTART;TZID=W. Europe Standard Time:20250701T120000",
            "DTEND;TZID=W. Europe Standard Time:20250701T130000", "END:VEVENT",
            "END:VCALENDAR")
        let calendar = try await ICSCalendar.parse(text, defaultTimeZone: "Europe/Oslo")
        let byUID = Dictionary(uniqueKeysWithValues: calendar.events.map { ($0.uid, $0) })
        #expect(byUID["utc"]?.start == (try utc("2025-03-20T12:00:00Z")))
        #expect(byUID["utc"]?.end == (try utc("2025-03-20T12:30:00Z")))
        #expect(byUID["utc"]?.timeZoneIdentifier == "UTC")
        #expect(byUID["floating"]?.start == (try utc("2025-03-20T11:00:00Z")))
        #expect(byUID["outlook"]?.start == (try utc("2025-07-01T10:00:00Z")))
        #expect(byUID["outlook"]?.timeZoneIdentifier == "Europe/Berlin")
    }

    @Test("a VTIMEZONE in the calendar defines its TZID")
    func embeddedTimeZone() async throws {
        let text = ics(
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sentralbord//Test//EN",
            "BEGIN:VTIMEZONE", "TZID:Custom Oslo",
            "BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:custom", "DTSTART;TZID=Custom Oslo:20250328T090000", "DTEND;TZID=Custom Oslo:20250328T100000",
            "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT",
            "END:VCALENDAR")
        let calendar = try await ICSCalendar.parse(text, defaultTimeZone: "UTC")
        let window = DateInterval(start: try utc("2025-03-01T00:00:00Z"), end: try utc("2025-04-01T00:00:00Z"))
        let starts = await calendar.occurrences(in: window).map(\.start)
        #expect(starts == [try utc("2025-03-28T08:00:00Z"), try utc("2025-03-29T08:00:00Z"), try utc("2025-03-30T07:00:00Z")])
    }

    @Test("malformed input is refused with a clear error", arguments: [
        "this is not a calendar",
        ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x", "DTSTART:not-a-date", "END:VEVENT", "END:VCALENDAR"),
    ])
    func malformed(_ text: String) async throws {
        let error = await #expect(throws: CalendarError.self) {
            try await ICSCalendar.parse(text, defaultTimeZone: "Europe/Oslo")
        }
        #expect(error?.code == .malformedCalendar || error?.code == .invalidEvent)
        #expect(error?.message.isEmpty == false)
    }

    @Test("an event without UID is an invalid event")
    func missingUID() async throws {
        let text = ics("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "DTSTART:20250101T100000Z", "END:VEVENT", "END:VCALENDAR")
        let error = await #expect(throws: CalendarError.self) {
            try await ICSCalendar.parse(text, defaultTimeZone: "Europe/Oslo")
        }
        #expect(error?.code == .invalidEvent)
    }

    @Test("an unknown default zone is refused")
    func unknownZone() async throws {
        let error = await #expect(throws: CalendarError.self) {
            try await ICSCalendar.parse(Self.standup, defaultTimeZone: "Mars/Olympus")
        }
        #expect(error?.code == .unknownTimeZone)
    }

    @Test("many calendars parse and expand concurrently")
    func concurrent() async throws {
        await ICSCalendar.prepareTimeZones(["Europe/Oslo"])
        let window = DateInterval(start: try utc("2025-03-01T00:00:00Z"), end: try utc("2025-05-01T00:00:00Z"))
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let calendar = try await ICSCalendar.parse(Self.standup, defaultTimeZone: "Europe/Oslo")
                    return await calendar.occurrences(in: window).count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 5, count: 16))
    }
}
