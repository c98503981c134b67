import CICal

extension ICSCalendar {
    /// The libical version built against, e.g. `3.0.16` (libical has no run-time version call).
    public static var libraryVersion: String { ICAL_VERSION }
}
