/// Integers (decimal, hexadecimal, octal, binary) and floats, including `inf` and `nan`.
extension Cursor {
    /// Parses an integer or float; the next byte is a digit, a sign, `i` or `n`.
    mutating func parseNumber() throws(TOMLError) -> TOMLValue {
        let start = self
        let sign = peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") ? peek : nil
        if sign != nil { index += 1 }
        if looksAt("inf") {
            index += 3
            return .float(sign == UInt8(ascii: "-") ? -.infinity : .infinity)
        }
        if looksAt("nan") {
            index += 3
            return .float(.nan)
        }
        if peek == UInt8(ascii: "0"), let radix = Self.radix(ofPrefix: peek(ahead: 1)) {
            if sign != nil { throw start.failure("a sign is only allowed on decimal numbers") }
            index += 2
            return .integer(try parseRadixInteger(radix))
        }
        let integerStart = self
        try scanDigits(in: "number")
        if bytes[integerStart.index] == UInt8(ascii: "0"), index - integerStart.index > 1 {
            throw integerStart.failure("leading zeros are not allowed in a number")
        }
        var isFloat = false
        if consume(UInt8(ascii: ".")) {
            try scanDigits(in: "fraction")
            isFloat = true
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            try scanDigits(in: "exponent")
            isFloat = true
        }
        let text = String(decoding: bytes[start.index..<index].lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if isFloat {
            guard let value = Double(text) else { throw start.failure("invalid float \(text)") }
            return .float(value)
        }
        guard let value = Int64(text) else {
            throw start.failure("integer \(text) does not fit in 64 bits")
        }
        return .integer(value)
    }

    /// The radix a `0x`, `0o` or `0b` prefix selects, given the letter after the zero.
    private static func radix(ofPrefix letter: UInt8?) -> Int? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// Parses the digits after a radix prefix.
    private mutating func parseRadixInteger(_ radix: Int) throws(TOMLError) -> Int64 {
        let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
        let start = self
        try scanDigits(in: "\(name) number") { byte in
            switch radix {
            case 16: byte.isHexDigit
            case 8: byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
            default: byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1")
            }
        }
        let digits = String(decoding: bytes[start.index..<index].lazy.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Int64(digits, radix: radix) else {
            throw start.failure("\(name) integer \(digits) does not fit in 64 bits")
        }
        return value
    }

    /// Consumes one or more digits where each underscore sits between two digits.
    private mutating func scanDigits(
        in what: String, isDigit: (UInt8) -> Bool = { $0.isDigit }
    ) throws(TOMLError) {
        guard let first = peek, isDigit(first) else {
            throw failure("expected a digit in \(what), found \(describeNext())")
        }
        index += 1
        while let byte = peek {
            if isDigit(byte) {
                index += 1
            } else if byte == UInt8(ascii: "_") {
                index += 1
                guard let next = peek, isDigit(next) else {
                    throw failure("an underscore in a \(what) must be followed by a digit")
                }
            } else {
                return
            }
        }
    }
}
