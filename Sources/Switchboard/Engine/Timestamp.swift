/// A point in time on the engine's clock: milliseconds since 1970-01-01T00:00:00Z.
///
/// The engine never reads a real clock; every command and every `advance(to:)` brings the
/// time as a value, so a run is reproducible. Encodes as RFC 3339 in UTC with milliseconds
/// (`2025-03-04T09:15:00.250Z`).
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    public let millisecondsSinceEpoch: Int64

    /// The time `milliseconds` after the Unix epoch.
    public init(millisecondsSinceEpoch milliseconds: Int64) {
        millisecondsSinceEpoch = milliseconds
    }

    /// The time `duration` after this one (rounded down to whole milliseconds).
    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: lhs.millisecondsSinceEpoch + rhs.wholeMilliseconds)
    }

    /// Milliseconds from `earlier` to this time (negative if `earlier` is later).
    public func milliseconds(since earlier: Timestamp) -> Int64 {
        millisecondsSinceEpoch - earlier.millisecondsSinceEpoch
    }

    /// Orders by time.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// RFC 3339 in UTC with milliseconds.
    public var description: String {
        let written = String(unsafeUninitializedCapacity: 24) { writeRFC3339(into: $0) }
        if !written.isEmpty { return written }
        let milliseconds = millisecondsSinceEpoch
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = Self.civil(fromDays: days)
        var text = ""
        text.reserveCapacity(24)
        text += Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) + "T"
        text += Self.padded(inDay / 3_600_000, 2) + ":" + Self.padded(inDay / 60_000 % 60, 2) + ":"
        text += Self.padded(inDay / 1000 % 60, 2) + "." + Self.padded(inDay % 1000, 3) + "Z"
        return text
    }

    /// Writes ``description`` into `text` (24 bytes or more) digit by digit, when the year has
    /// four digits: every event carries a time, and this is the one allocation-free way to
    /// write it. Returns the bytes written: 24, or 0 for other years.
    func writeRFC3339(into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let milliseconds = millisecondsSinceEpoch
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = Self.civil(fromDays: days)
        guard (0...9999).contains(year), text.count >= 24 else { return 0 }
        var position = 0
        func put(_ value: Int64, _ width: Int, then separator: UInt8) {
            var rest = value
            for index in stride(from: position + width - 1, through: position, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            text[position + width] = separator
            position += width + 1
        }
        put(year, 4, then: UInt8(ascii: "-"))
        put(month, 2, then: UInt8(ascii: "-"))
        put(day, 2, then: UInt8(ascii: "T"))
        put(inDay / 3_600_000, 2, then: UInt8(ascii: ":"))
        put(inDay / 60_000 % 60, 2, then: UInt8(ascii: ":"))
        put(inDay / 1000 % 60, 2, then: UInt8(ascii: "."))
        put(inDay % 1000, 3, then: UInt8(ascii: "Z"))
        return position
    }

    /// Parses RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`); nil if it is not one.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var position = 19
        var fraction: Int64 = 0
        if bytes[position] == 46 {
            position += 1
            var scale: Int64 = 100
            let start = position
            while position < bytes.count, (48...57).contains(bytes[position]) {
                fraction += Int64(bytes[position] - 48) * scale
                scale /= 10
                position += 1
            }
            guard position > start else { return nil }
        }
        guard position < bytes.count else { return nil }
        var offsetMinutes: Int64 = 0
        if bytes[position] == 90 || bytes[position] == 122 {
            guard position + 1 == bytes.count else { return nil }
        } else {
            guard position + 6 == bytes.count, bytes[position] == 43 || bytes[position] == 45,
                  bytes[position + 3] == 58,
                  let offsetHours = number(position + 1..<position + 3),
                  let offsetRest = number(position + 4..<position + 6) else { return nil }
            offsetMinutes = (offsetHours * 60 + offsetRest) * (bytes[position] == 45 ? -1 : 1)
        }
        let days = Self.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        self.init(millisecondsSinceEpoch: seconds * 1000 + fraction)
    }

    /// Decodes from RFC 3339.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let time = Timestamp(rfc3339: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 date-time")
        }
        self = time
    }

    /// Encodes as RFC 3339 in UTC with milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded toward zero.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
