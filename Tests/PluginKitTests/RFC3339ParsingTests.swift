import Foundation
import PluginKit
import Testing

@Suite("RFC3339 parsing")
struct RFC3339ParsingTests {
    @Test("reads UTC, offsets and fractions", arguments: [
        ("2025-11-25T12:50:48.123Z", Int64(1_764_075_048_123)),
        ("2025-11-25t12:50:48.123z", 1_764_075_048_123),
        ("2025-11-25T13:50:48.123+01:00", 1_764_075_048_123),
        ("2025-11-25T07:20:48.123-05:30", 1_764_075_048_123),
        ("2025-11-25T12:50:48Z", 1_764_075_048_000),
        ("2025-11-25T12:50:48.1239Z", 1_764_075_048_123),
        ("1970-01-01T00:00:00.000Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000),
        ("2016-12-31T23:59:60Z", 1_483_228_800_000),
    ])
    func valid(text: String, milliseconds: Int64) throws {
        let date = try #require(RFC3339.date(from: text))
        #expect(date.millisecondsSince1970 == milliseconds)
    }

    @Test("refuses what is not an RFC 3339 date-time", arguments: [
        "", "2025-11-25", "2025-11-25 12:50:48Z", "2025-11-25T12:50:48", "2025-11-25T12:50:48.Z",
        "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-11-25T24:00:00Z", "2025-11-25T12:60:00Z",
        "2025-11-25T12:50:48+0100", "2025-11-25T12:50:48Z ", "25-11-25T12:50:48Z",
    ])
    func invalid(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test("reads back what RFC3339.string writes")
    func roundTrip() throws {
        for milliseconds in stride(from: Int64(-86_400_000), to: 4_000_000_000_000, by: 97_654_321_987) {
            let text = RFC3339.string(from: Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000))
            #expect(try #require(RFC3339.date(from: text)).millisecondsSince1970 == milliseconds)
        }
    }
}
