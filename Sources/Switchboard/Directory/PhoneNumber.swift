/// A phone number in E.164 form (`+4791234567`), normalized at the edges of the system.
///
/// Input may carry spaces, dashes, dots and parentheses, an international `+` or `00`
/// prefix, or be a national number of the default region (Norway, +47, eight digits).
/// Invariant: `e164` is `+` followed by 7–15 digits, the first not zero; Norwegian numbers
/// have exactly eight digits after `+47`.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number as `+` and digits.
    public let e164: String

    /// Why a text is not a phone number.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was wrong and what was expected.
        public let reason: String

        /// Creates an error with `reason`.
        public init(reason: String) {
            self.reason = reason
        }
        /// The reason, readable on its own.
        public var description: String { reason }
    }

    /// The default region's country calling code (Norway).
    public static let defaultCountryCode = "47"

    /// Parses and normalizes `text`, reading a number without prefix as a national number of
    /// the region with `countryCode`.
    public init(parsing text: String, countryCode: String = PhoneNumber.defaultCountryCode) throws(ParseError) {
        var digits = ""
        var international = false
        for character in text.trimmingWhitespace() {
            switch character {
            case "+" where digits.isEmpty && !international: international = true
            case "0"..."9": digits.append(character)
            case " ", "-", ".", "(", ")", "\u{00A0}": continue
            default:
                throw ParseError(reason: "unexpected character '\(character)' in a phone number; expected digits, optionally after '+'")
            }
        }
        if digits.isEmpty { throw ParseError(reason: "expected a phone number, found no digits") }
        if !international && digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if !international {
            guard countryCode == Self.defaultCountryCode else {
                digits = countryCode + digits
                try self.init(validatingInternational: digits)
                return
            }
            guard digits.count == 8 else {
                throw ParseError(reason: "a Norwegian number has 8 digits, found \(digits.count); write other countries' numbers with '+' and the country code")
            }
            digits = Self.defaultCountryCode + digits
        }
        try self.init(validatingInternational: digits)
    }

    private init(validatingInternational digits: String) throws(ParseError) {
        guard let first = digits.first, first != "0" else {
            throw ParseError(reason: "a country code cannot start with 0")
        }
        guard (7...15).contains(digits.count) else {
            throw ParseError(reason: "an international number has 7 to 15 digits, found \(digits.count)")
        }
        if digits.hasPrefix(Self.defaultCountryCode), digits.count != 10 {
            throw ParseError(reason: "a Norwegian number has 8 digits after +47, found \(digits.count - 2)")
        }
        e164 = "+" + digits
    }

    /// The number as written inside its own country: Norwegian mobiles as `912 34 567`,
    /// other Norwegian numbers as `21 00 00 00`; foreign numbers stay in E.164.
    public var national: String {
        guard e164.hasPrefix("+" + Self.defaultCountryCode) else { return e164 }
        let digits = Array(e164.dropFirst(3))
        let groups: [Range<Int>] = ["4", "9"].contains(digits[0])
            ? [0..<3, 3..<5, 5..<8]
            : [0..<2, 2..<4, 4..<6, 6..<8]
        return groups.map { String(digits[$0]) }.joined(separator: " ")
    }

    /// The number with all but its last two digits hidden (`+47******67`), for logs.
    public var masked: String {
        let visible = 2
        let hidden = e164.count - 3 - visible
        return String(e164.prefix(3)) + String(repeating: "*", count: max(hidden, 0)) + String(e164.suffix(visible))
    }

    /// The E.164 form.
    public var description: String { e164 }

    /// Decodes from a string in any form `init(parsing:)` accepts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.reason)
        }
    }

    /// Encodes as the E.164 string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
