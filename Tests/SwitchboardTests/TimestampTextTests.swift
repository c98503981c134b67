import Foundation
import Testing
import Switchboard

@Suite("Timestamp: RFC 3339 text, as every event carries it")
struct TimestampTextTests {
    // (Dates since the Gregorian calendar began: Foundation's calendar is Julian before 1582.)
    @Test("The text is RFC 3339 in UTC with milliseconds, before and after 1970, and reads back")
    func text() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        let instants: [Int64] = [
            0, 1, 999, -1, -86_400_001, 951_782_400_000, 1_767_225_600_123, 4_107_542_399_999, 253_402_300_799_999,
        ]
        for milliseconds in instants {
            let time = Timestamp(millisecondsSinceEpoch: milliseconds)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(time.description == formatter.string(from: date), "\(milliseconds)")
            #expect(Timestamp(rfc3339: time.description) == time)
        }
    }

    @Test("A year past 9999 still has its own text")
    func farFuture() {
        #expect(Timestamp(millisecondsSinceEpoch: 253_402_300_800_000).description == "10000-01-01T00:00:00.000Z")
    }
}
