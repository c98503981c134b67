/// The four string forms: basic, literal, and their multiline variants.
extension Cursor {
    /// Parses any string starting here (the next byte is `"` or `'`).
    mutating func parseString() throws(TOMLError) -> String {
        if looksAt("\"\"\"") { return try parseMultilineBasicString() }
        if looksAt("'''") { return try parseMultilineLiteralString() }
        if peek == UInt8(ascii: "'") { return try parseLiteralString() }
        return try parseBasicString()
    }

    /// Parses `"…"`: escapes allowed, no newlines, no raw control characters but tab.
    mutating func parseBasicString() throws(TOMLError) -> String {
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw failure("expected closing '\"' before \(describeNext())")
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &text)
            case _ where byte.isForbiddenControl:
                throw failure("\(describeNext()) must be escaped in a string")
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    /// Parses `'…'`: taken as written, no newlines, no raw control characters but tab.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        index += 1
        let start = index
        while true {
            guard let byte = peek, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw failure("expected closing \"'\" before \(describeNext())")
            }
            if byte == UInt8(ascii: "'") { break }
            if byte.isForbiddenControl { throw failure("\(describeNext()) is not allowed in a literal string") }
            index += 1
        }
        defer { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Parses `"""…"""`: escapes, newlines and line-ending backslashes allowed.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        index += 3
        _ = try consumeNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek else { throw failure("expected closing '\"\"\"' before end of input") }
            switch byte {
            case UInt8(ascii: "\""):
                if closeMultiline(quote: byte, text: &text) { return String(decoding: text, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                if try !skipLineEndingBackslash() { try parseEscape(into: &text) }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                _ = try consumeNewline()
                text.append(UInt8(ascii: "\n"))
            case _ where byte.isForbiddenControl:
                throw failure("\(describeNext()) must be escaped in a string")
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    /// Parses `'''…'''`: taken as written, newlines allowed.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        index += 3
        _ = try consumeNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek else { throw failure("expected closing \"'''\" before end of input") }
            switch byte {
            case UInt8(ascii: "'"):
                if closeMultiline(quote: byte, text: &text) { return String(decoding: text, as: UTF8.self) }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                _ = try consumeNewline()
                text.append(UInt8(ascii: "\n"))
            case _ where byte.isForbiddenControl:
                throw failure("\(describeNext()) is not allowed in a literal string")
            default:
                text.append(byte)
                index += 1
            }
        }
    }

    /// Consumes a run of `quote`s inside a multiline string. Three end the string and up to
    /// two more before them belong to the content; returns whether the string ended.
    private mutating func closeMultiline(quote: UInt8, text: inout [UInt8]) -> Bool {
        var run = 0
        while peek(ahead: run) == quote { run += 1 }
        let taken = min(run, 5)
        index += taken
        let content = taken >= 3 ? taken - 3 : taken
        text.append(contentsOf: repeatElement(quote, count: content))
        return taken >= 3
    }

    /// A backslash followed by optional whitespace and a newline removes all whitespace and
    /// newlines up to the next other character; returns whether that was the case here.
    private mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
        var probe = index + 1
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") {
            probe += 1
        }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "\n") || bytes[probe] == UInt8(ascii: "\r") else {
            return false
        }
        index = probe
        while true {
            skipWhitespace()
            guard try consumeNewline() else { return true }
        }
    }

    /// Parses one escape sequence starting at the backslash and appends its UTF-8 encoding.
    private mutating func parseEscape(into text: inout [UInt8]) throws(TOMLError) {
        let start = self
        index += 1
        let simple: UInt8? = switch peek {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        default: nil
        }
        if let simple {
            index += 1
            text.append(simple)
            return
        }
        let digits: Int
        switch peek {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        case let byte? where byte >= 0x21 && byte < 0x7F:
            throw start.failure("invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'")
        default:
            throw start.failure("invalid escape sequence: '\\' followed by \(describeNext())")
        }
        index += 1
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek, byte.isHexDigit else {
                throw failure("expected \(digits) hex digits in escape sequence, found \(describeNext())")
            }
            value = value << 4 | UInt32(byte.hexDigitValue)
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            let written = String(decoding: bytes[start.index..<index], as: UTF8.self)
            throw start.failure("escape sequence '\(written)' is not a Unicode scalar value")
        }
        text.append(contentsOf: UTF8.encode(scalar)!)
    }
}
