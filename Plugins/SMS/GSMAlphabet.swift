/// The GSM 03.38 default alphabet: which Unicode scalars a GSM-7 message can carry, and how
/// many septets each takes (1 in the basic set, 2 in the extension table, reached through
/// the escape septet).
public enum GSMAlphabet {
    /// The basic set (one septet each), in code order; the escape code 0x1B is left out.
    static let basic: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars)

    /// The extension table (escape + one septet each): form feed, `^ { } \ [ ~ ] | €`.
    static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// The septets `scalar` takes in GSM-7: 1 or 2, or nil when GSM-7 cannot carry it.
    public static func septets(for scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }

    /// Whether every scalar of `text` is in the basic set or the extension table.
    public static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { septets(for: $0) != nil }
    }
}
