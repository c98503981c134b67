// The byte classes TOML's grammar is written in, and how messages name characters.

extension UInt8 {
    /// Control characters TOML forbids raw in comments and strings: all but tab (newlines are
    /// handled by the caller before this check).
    var isForbiddenControl: Bool {
        (self < 0x20 && self != UInt8(ascii: "\t")) || self == 0x7F
    }

    /// Whether the byte is an ASCII decimal digit.
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// Whether the byte is an ASCII hexadecimal digit.
    var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }

    /// The value of a hexadecimal digit; the byte must satisfy `isHexDigit`.
    var hexDigitValue: UInt8 {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: self - UInt8(ascii: "0")
        }
    }

    /// Whether the byte may appear in a bare key: `A-Za-z0-9_-`.
    var isBareKeyByte: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
}

extension Unicode.Scalar {
    /// `U+XXXX` notation, at least four hex digits.
    var hexNotation: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
