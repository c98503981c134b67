import CICal

/// Finds the time zone of a property's value, avoiding libical's traps: TZID is looked up
/// in the calendar's VTIMEZONEs, then as an IANA name, then as a Windows name; UTC values
/// stay UTC; DATE values, floating times and unknown TZIDs use the default zone.
/// Used on the libical queue only.
struct ZoneResolver {
    let calendar: OpaquePointer
    let defaultZone: OpaquePointer
    let defaultZoneName: String

    /// Reads `raw` (the value of `property`) in the zone its TZID names.
    func resolve(_ raw: icaltimetype, of property: OpaquePointer) -> ResolvedTime {
        let (zone, name) = zone(of: raw, property: property)
        var local = raw
        local.zone = zone
        return ResolvedTime(local: local, zone: zone, zoneName: name)
    }

    private func zone(of raw: icaltimetype, property: OpaquePointer) -> (OpaquePointer, String) {
        if raw.is_date != 0 {
            return (defaultZone, defaultZoneName)
        }
        if icaltime_is_utc(raw) != 0 {
            return (icaltimezone_get_utc_timezone(), "UTC")
        }
        guard let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER),
            let tzidPointer = icalparameter_get_tzid(parameter)
        else {
            return (defaultZone, defaultZoneName)
        }
        let tzid = String(cString: tzidPointer)
        if let zone = icalcomponent_get_timezone(calendar, tzid) {
            let location = icaltimezone_get_location(zone).map { String(cString: $0) }
            return (zone, location ?? tzid)
        }
        if let zone = icaltimezone_get_builtin_timezone(tzid) ?? icaltimezone_get_builtin_timezone_from_tzid(tzid) {
            return (zone, tzid)
        }
        if let iana = WindowsTimeZones.ianaIdentifiers[tzid], let zone = Self.builtinZone(named: iana) {
            return (zone, iana)
        }
        return (defaultZone, defaultZoneName)
    }

    /// A zone from the system zoneinfo by IANA name (`UTC` included).
    static func builtinZone(named name: String) -> OpaquePointer? {
        name == "UTC" ? icaltimezone_get_utc_timezone() : icaltimezone_get_builtin_timezone(name)
    }
}
