import TOML

/// RFC 3339 text for TOML's dates, times and offsets, as toml-test expects them.
enum RFC3339 {
    /// `YYYY-MM-DD`.
    static func format(_ date: TOMLDate) -> String {
        pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    /// `HH:MM:SS`, with a fraction only when there is one, trailing zeros dropped.
    static func format(_ time: TOMLTime) -> String {
        var text = pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
        if time.nanosecond > 0 {
            var fraction = pad(time.nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    /// `Z` for UTC, else `±HH:MM`.
    static func format(offsetMinutes: Int) -> String {
        if offsetMinutes == 0 { return "Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        return sign + pad(abs(offsetMinutes) / 60, 2) + ":" + pad(abs(offsetMinutes) % 60, 2)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
