import Foundation

/// The `Retry-After` response header (RFC 9110 §10.2.3): a number of seconds or an HTTP-date.
enum RetryAfter {
    /// How long to wait from `now`, or nil when `value` is neither form. A date in the past
    /// means no wait; a wait is capped at a day, so a wild value cannot park an instance for good.
    static func delay(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            return .seconds(min(Int(text) ?? maximumSeconds, maximumSeconds))
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = min(max(date.timeIntervalSince(now), 0), Double(maximumSeconds))
        return .seconds(Int(seconds.rounded(.up)))
    }

    private static let maximumSeconds = 86_400

    /// IMF-fixdate, then the two obsolete forms a recipient must still accept (RFC 850, asctime).
    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
