import CICal
import Foundation

/// Expands a calendar's events into occurrences within a window, on the libical queue.
///
/// libical's own `icalcomponent_foreach_recurrence` ignores RECURRENCE-ID overrides and
/// reads TZID wrongly, so this walks the RRULE with `icalrecur_iterator` in the event's
/// wall-clock time, converts each instance with the event's zone, and applies RDATE, EXDATE
/// and overrides itself.
struct RecurrenceExpansion {
    /// Stops a runaway rule (e.g. FREQ=SECONDLY without end) from looping for ever.
    static let instanceLimit = 100_000

    let records: [EventRecord]
    let window: DateInterval

    func occurrences() -> [CalendarOccurrence] {
        var overridden: [String: Set<Date>] = [:]
        for record in records {
            if let recurrenceID = record.recurrenceID {
                overridden[record.uid, default: []].insert(recurrenceID.instant)
            }
        }
        var result: [CalendarOccurrence] = []
        for record in records {
            if let recurrenceID = record.recurrenceID {
                appendIfInWindow(record, local: record.start.local, recurrenceID: recurrenceID.instant, to: &result)
            } else if record.recurrenceRule == nil && record.recurrenceDates.isEmpty {
                appendIfInWindow(record, local: record.start.local, recurrenceID: nil, to: &result)
            } else {
                let skipped = record.exceptionDates.union(overridden[record.uid] ?? [])
                for local in instances(of: record) {
                    let instant = ResolvedTime.instant(of: local, in: record.start.zone)
                    if !skipped.contains(instant) {
                        appendIfInWindow(record, local: local, recurrenceID: instant, to: &result)
                    }
                }
            }
        }
        return result.sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
    }

    /// The wall-clock starts of a series (RRULE instances and RDATEs, without duplicates)
    /// that begin before the window ends.
    private func instances(of record: EventRecord) -> [icaltimetype] {
        var starts: [Date: icaltimetype] = [:]
        if let rule = record.recurrenceRule, let iterator = icalrecur_iterator_new(icalproperty_get_rrule(rule), record.start.local) {
            defer { icalrecur_iterator_free(iterator) }
            var count = 0
            while count < Self.instanceLimit {
                var next = icalrecur_iterator_next(iterator)
                guard icaltime_is_null_time(next) == 0 else { break }
                next.zone = record.start.local.zone
                let instant = ResolvedTime.instant(of: next, in: record.start.zone)
                guard instant < window.end else { break }
                starts[instant] = next
                count += 1
            }
        } else {
            starts[record.start.instant] = record.start.local
        }
        for date in record.recurrenceDates {
            // An RDATE in another zone is re-expressed in the series' zone so all-day and
            // length arithmetic stay in one frame.
            let instant = date.instant
            if instant < window.end, starts[instant] == nil {
                starts[instant] = icaltime_from_timet_with_zone(time_t(instant.timeIntervalSince1970), date.isDate ? 1 : 0, record.start.zone)
            }
        }
        return starts.keys.sorted().compactMap { starts[$0] }
    }

    private func appendIfInWindow(_ record: EventRecord, local: icaltimetype, recurrenceID: Date?, to result: inout [CalendarOccurrence]) {
        let start = ResolvedTime.instant(of: local, in: record.start.zone)
        let end = record.end(startingAt: local, instant: start)
        let overlaps = end > start ? (start < window.end && end > window.start) : (start >= window.start && start < window.end)
        guard overlaps else { return }
        result.append(
            CalendarOccurrence(
                uid: record.uid, summary: record.summary, start: start, end: end, isAllDay: record.start.isDate,
                availability: record.availability, isCancelled: record.isCancelled, recurrenceID: recurrenceID))
    }
}
