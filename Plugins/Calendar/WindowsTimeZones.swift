/// Windows time zone names (as Outlook and Exchange write them in TZID without a VTIMEZONE)
/// mapped to IANA zones, from the CLDR windowsZones table ("001" territory) for the zones
/// this product meets. An unmapped name falls back to the default zone.
enum WindowsTimeZones {
    static let ianaIdentifiers: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin",
        "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "FLE Standard Time": "Europe/Kiev",
        "E. Europe Standard Time": "Europe/Chisinau",
        "GTB Standard Time": "Europe/Bucharest",
        "Russian Standard Time": "Europe/Moscow",
        "UTC": "UTC",
        "Coordinated Universal Time": "UTC",
        "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver",
        "Pacific Standard Time": "America/Los_Angeles",
        "China Standard Time": "Asia/Shanghai",
        "Tokyo Standard Time": "Asia/Tokyo",
        "India Standard Time": "Asia/Calcutta",
        "AUS Eastern Standard Time": "Australia/Sydney",
    ]
}
