import PeerSupport
import Switchboard
import Testing

/// Phone numbers over seeded random inputs (issue 18): every way people write a Norwegian
/// number reads as the same E.164 number, the national form reads back as it, foreign numbers
/// keep their digits, and text with anything but digits, `+` and separators is refused.
@Suite("Phone numbers from random input")
struct PhoneNumberPropertyTests {
    static let separators: [String] = ["", " ", "-", ".", "\u{00A0}"]

    /// `digits` written with random separators between random groups.
    static func written(_ digits: String, using random: inout SeededRandom) -> String {
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, Int.random(in: 0..<3, using: &random) == 0 { text += separators.randomElement(using: &random)! }
            text.append(digit)
        }
        return text
    }

    @Test(arguments: 1...20)
    func everyWritingOfANumberIsTheSameNumber(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<100 {
            let first = String(Int.random(in: 2...9, using: &random))
            let national = first + String((0..<7).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            let prefix = ["", "+47", "+47 ", "0047", "(+47) "].randomElement(using: &random)!
            let text = " " + prefix + Self.written(national, using: &random) + " "
            let number = try PhoneNumber(parsing: text)
            #expect(number.e164 == "+47" + national, "\(text)")
            #expect(try PhoneNumber(parsing: number.national).e164 == number.e164, "the national form reads back")
            #expect(try PhoneNumber(parsing: number.e164) == number)
            #expect(number.masked.count == number.e164.count && number.masked.hasSuffix(String(national.suffix(2))))
        }
    }

    @Test(arguments: 1...10)
    func foreignNumbersKeepTheirDigitsAndBadTextIsRefused(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<100 {
            let length = Int.random(in: 7...15, using: &random)
            var digits = String(Int.random(in: 1...9, using: &random))
            while digits.count < length { digits.append(Character(String(Int.random(in: 0...9, using: &random)))) }
            if digits.hasPrefix("47") { digits = "3" + digits.dropFirst() }
            let number = try PhoneNumber(parsing: "+" + Self.written(digits, using: &random))
            #expect(number.e164 == "+" + digits)
            #expect(number.national == number.e164, "a foreign number stays in E.164")
            let letter = Character(UnicodeScalar(UInt8.random(in: 97...122, using: &random)))
            var spoiled = Array(number.e164)
            spoiled.insert(letter, at: Int.random(in: 1...spoiled.count, using: &random))
            #expect(throws: PhoneNumber.ParseError.self) { try PhoneNumber(parsing: String(spoiled)) }
        }
    }
}
