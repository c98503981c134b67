/// A character that forces a message into UCS-2, with the GSM-7 text that could stand in for
/// it (e.g. `–` → `-`), so a writer can keep the message at GSM-7 prices.
public struct UCS2Character: Sendable, Hashable, Codable {
    /// The character as written.
    public let character: String
    /// GSM-7 text that could replace it, or nil when there is none (emoji, most scripts).
    public let replacement: String?

    /// Creates one.
    public init(character: String, replacement: String?) {
        self.character = character
        self.replacement = replacement
    }

    private enum CodingKeys: String, CodingKey {
        case character = "char"
        case replacement
    }

    /// Encodes `char` and `replacement` (null when there is none).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(character, forKey: .character)
        try container.encode(replacement, forKey: .replacement)
    }

    /// The distinct characters of `text` that GSM-7 cannot carry, in order of first use.
    public static func all(in text: String) -> [UCS2Character] {
        var seen: Set<Unicode.Scalar> = []
        var found: [UCS2Character] = []
        for scalar in text.unicodeScalars where GSMAlphabet.septets(for: scalar) == nil && seen.insert(scalar).inserted {
            found.append(UCS2Character(character: String(scalar), replacement: GSMReplacements.table[scalar]))
        }
        return found
    }
}
