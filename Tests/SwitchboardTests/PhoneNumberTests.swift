import Testing
import Switchboard

@Suite("PhoneNumber: E.164 normalization with Norway as default region")
struct PhoneNumberTests {
    @Test(arguments: [
        ("912 34 567", "+4791234567"),
        ("+47 912 34 567", "+4791234567"),
        ("0047 91234567", "+4791234567"),
        ("(+47) 21-00-00-00", "+4721000000"),
        ("21.00.00.00", "+4721000000"),
        ("+46 8 123 456 78", "+46812345678"),
        ("+1 (415) 555-0100", "+14155550100"),
    ])
    func normalizes(input: String, expected: String) throws {
        #expect(try PhoneNumber(parsing: input).e164 == expected)
    }

    @Test(arguments: ["", "   ", "abc", "912 34 56", "912 34 5678", "+47 123", "+0 1234567", "+1234567890123456", "12+34567890", "+47 912 34 567 ext 2"])
    func rejects(input: String) {
        #expect(throws: PhoneNumber.ParseError.self) { try PhoneNumber(parsing: input) }
    }

    @Test func explainsWhatWasExpected() {
        #expect(throws: PhoneNumber.ParseError(reason: "a Norwegian number has 8 digits, found 3; write other countries' numbers with '+' and the country code")) {
            try PhoneNumber(parsing: "123")
        }
    }

    @Test func nationalFormGroupsMobilesAndLandlines() throws {
        #expect(try PhoneNumber(parsing: "91234567").national == "912 34 567")
        #expect(try PhoneNumber(parsing: "21000000").national == "21 00 00 00")
        #expect(try PhoneNumber(parsing: "+46812345678").national == "+46812345678")
    }

    @Test func maskingHidesAllButTheLastTwoDigits() throws {
        #expect(try PhoneNumber(parsing: "91234567").masked == "+47******67")
    }

    @Test func codableRoundTripUsesE164() throws {
        let number = try PhoneNumber(parsing: "912 34 567")
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == "[\"+4791234567\"]")
        #expect(try JSONDecoder().decode([PhoneNumber].self, from: Data("[\"912 34 567\"]".utf8)) == [number])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PhoneNumber].self, from: Data("[\"12\"]".utf8)) }
    }
}

import Foundation
