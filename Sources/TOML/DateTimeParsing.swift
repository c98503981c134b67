/// Offset date-times, local date-times, local dates and local times (RFC 3339 as TOML uses it).
extension Cursor {
    /// Whether a date (`DDDD-`) or a time (`DD:`) starts here rather than a number.
    var isAtDateOrTime: Bool {
        guard peek?.isDigit == true, peek(ahead: 1)?.isDigit == true else { return false }
        if peek(ahead: 2) == UInt8(ascii: ":") { return true }
        return peek(ahead: 2)?.isDigit == true && peek(ahead: 3)?.isDigit == true
            && peek(ahead: 4) == UInt8(ascii: "-")
    }

    /// Parses a date, date-time or time; `isAtDateOrTime` must be true.
    mutating func parseDateTime() throws(TOMLError) -> TOMLValue {
        if peek(ahead: 2) == UInt8(ascii: ":") { return .localTime(try parseTime()) }
        let date = try parseDate()
        let hasTime = switch peek {
        case UInt8(ascii: "T"), UInt8(ascii: "t"): true
        case UInt8(ascii: " "): peek(ahead: 1)?.isDigit == true
        default: false
        }
        guard hasTime else { return .localDate(date) }
        index += 1
        let time = try parseTime()
        guard let offset = try parseOffset() else { return .localDateTime(date, time) }
        return .offsetDateTime(date, time, offsetMinutes: offset)
    }

    /// `YYYY-MM-DD`, checked against the calendar.
    private mutating func parseDate() throws(TOMLError) -> TOMLDate {
        let year = try parseField(digits: 4, named: "year", in: 0...9999)
        try expectSeparator("-", after: "year")
        let month = try parseField(digits: 2, named: "month", in: 1...12)
        try expectSeparator("-", after: "month")
        let days = Self.daysIn(month: month, year: year)
        let day = try parseField(digits: 2, named: "day", in: 1...days)
        return TOMLDate(year: year, month: month, day: day)
    }

    /// `HH:MM:SS` with optional fractional seconds, kept to nanoseconds.
    private mutating func parseTime() throws(TOMLError) -> TOMLTime {
        let hour = try parseField(digits: 2, named: "hour", in: 0...23)
        try expectSeparator(":", after: "hour")
        let minute = try parseField(digits: 2, named: "minute", in: 0...59)
        try expectSeparator(":", after: "minute")
        let second = try parseField(digits: 2, named: "second", in: 0...60)
        var nanosecond = 0
        if consume(UInt8(ascii: ".")) {
            guard peek?.isDigit == true else {
                throw failure("expected a digit in fractional seconds, found \(describeNext())")
            }
            var scale = 100_000_000
            while let byte = peek, byte.isDigit {
                nanosecond += Int(byte - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        return TOMLTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    /// `Z`, `z` or `±HH:MM` in minutes east of UTC, or nil for a local date-time.
    private mutating func parseOffset() throws(TOMLError) -> Int? {
        if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) { return 0 }
        guard let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        index += 1
        let hours = try parseField(digits: 2, named: "offset hour", in: 0...23)
        try expectSeparator(":", after: "offset hour")
        let minutes = try parseField(digits: 2, named: "offset minute", in: 0...59)
        let total = hours * 60 + minutes
        return sign == UInt8(ascii: "-") ? -total : total
    }

    /// Exactly `digits` decimal digits whose value lies in `range`.
    private mutating func parseField(
        digits: Int, named name: String, in range: ClosedRange<Int>
    ) throws(TOMLError) -> Int {
        let start = self
        var value = 0
        for _ in 0..<digits {
            guard let byte = peek, byte.isDigit else {
                throw start.failure("expected a \(digits)-digit \(name), found \(describeNext())")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        guard range.contains(value) else {
            throw start.failure("\(name) \(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// Consumes the separator between date or time fields.
    private mutating func expectSeparator(_ separator: Unicode.Scalar, after field: String) throws(TOMLError) {
        guard consume(UInt8(ascii: separator)) else {
            throw failure("expected '\(separator)' after \(field), found \(describeNext())")
        }
    }

    /// Days in a month of the proleptic Gregorian calendar.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
