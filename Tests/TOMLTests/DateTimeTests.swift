import Testing
import TOML

@Suite("Dates and times")
struct DateTimeTests {
    @Test("offset date-times with T, t or space, and Z, z or an offset")
    func offsetDateTimes() throws {
        let date = TOMLDate(year: 1979, month: 5, day: 27)
        #expect(try value(of: "1979-05-27T07:32:00Z")
            == .offsetDateTime(date, TOMLTime(hour: 7, minute: 32, second: 0), offsetMinutes: 0))
        #expect(try value(of: "1979-05-27t00:32:00.999999-07:30")
            == .offsetDateTime(date, TOMLTime(hour: 0, minute: 32, second: 0, nanosecond: 999_999_000), offsetMinutes: -450))
        #expect(try value(of: "1979-05-27 07:32:00+01:00")
            == .offsetDateTime(date, TOMLTime(hour: 7, minute: 32, second: 0), offsetMinutes: 60))
        #expect(try value(of: "1979-05-27 07:32:00z")
            == .offsetDateTime(date, TOMLTime(hour: 7, minute: 32, second: 0), offsetMinutes: 0))
    }

    @Test("local forms")
    func localForms() throws {
        let date = TOMLDate(year: 1979, month: 5, day: 27)
        #expect(try value(of: "1979-05-27T07:32:00") == .localDateTime(date, TOMLTime(hour: 7, minute: 32, second: 0)))
        #expect(try value(of: "1979-05-27") == .localDate(date))
        #expect(try value(of: "1979-05-27 # a date") == .localDate(date))
        #expect(try value(of: "00:32:00.5") == .localTime(TOMLTime(hour: 0, minute: 32, second: 0, nanosecond: 500_000_000)))
    }

    @Test("fractional seconds keep nanoseconds and truncate the rest")
    func fractionTruncation() throws {
        #expect(try value(of: "07:32:00.123456789987") == .localTime(TOMLTime(hour: 7, minute: 32, second: 0, nanosecond: 123_456_789)))
    }

    @Test("calendar and clock ranges", arguments: [
        ("2000-02-29", true), ("2024-02-29", true), ("1900-02-29", false), ("2023-02-29", false),
        ("2023-04-31", false), ("2023-12-31", true), ("2023-13-01", false), ("2023-00-10", false),
        ("2023-01-00", false), ("0000-01-01", true), ("23:59:60", true), ("24:00:00", false),
        ("12:60:00", false), ("12:00:61", false), ("1979-05-27T07:32:00+24:00", false),
        ("1979-05-27T07:32:00+23:60", false), ("1979-05-27T07:32:00+23:59", true),
    ])
    func ranges(text: String, valid: Bool) {
        #expect((parseError("a = \(text)\n") == nil) == valid)
    }

    @Test("malformed date-times", arguments: [
        "1979-05-27T07:32", "07:32", "1979-5-27", "1979-05-7", "79-05-27", "1979-05-27T7:32:00",
        "1979-05-27T07:32:00.", "1979-05-27T07:32:00+0100", "1979-05-27T07:32:00+01", "12:00:00Z",
        "1979-05-27TZ", "1979-05-27 07:32:00 Z", "1979-05-27T07:32:00Zx",
    ])
    func malformed(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("out-of-range fields name the field and sit at it")
    func rangeMessage() throws {
        let error = try #require(parseError("a = 2023-02-30\n"))
        #expect(error.message == "day 30 is out of range 1…28")
        #expect(error.position == TOMLPosition(line: 1, column: 13))
    }
}
