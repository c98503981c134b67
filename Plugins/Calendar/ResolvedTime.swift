import CICal
import Foundation

/// A DATE or DATE-TIME value read with its time zone resolved: the wall-clock value (with
/// `zone` filled in, as libical's recurrence iterator needs) and the instant it denotes.
struct ResolvedTime {
    /// The wall-clock value with its `zone` field set.
    var local: icaltimetype
    /// The libical zone the wall clock is read in.
    var zone: OpaquePointer
    /// The zone's IANA name (`UTC` for UTC).
    var zoneName: String

    var isDate: Bool { local.is_date != 0 }

    /// The instant: for a DATE, the local midnight starting that day.
    var instant: Date { Self.instant(of: local, in: zone) }

    /// The wall-clock time `t` in `zone` as an instant. The zone is passed explicitly
    /// because `icaltime_as_timet_with_zone` ignores `t.zone`.
    static func instant(of t: icaltimetype, in zone: OpaquePointer) -> Date {
        var wall = t
        if wall.is_date != 0 {
            wall.is_date = 0
            wall.hour = 0
            wall.minute = 0
            wall.second = 0
        }
        return Date(timeIntervalSince1970: TimeInterval(icaltime_as_timet_with_zone(wall, zone)))
    }
}
