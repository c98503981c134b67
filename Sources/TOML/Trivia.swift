/// Whitespace, comments and line ends: the parts of a document that carry no value.
extension Cursor {
    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    /// Skips a comment if one starts here, up to (not including) its line end.
    mutating func skipComment() throws(TOMLError) {
        guard consume(UInt8(ascii: "#")) else { return }
        while let byte = peek, byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r"), peek(ahead: 1) == UInt8(ascii: "\n") { return }
            if byte.isForbiddenControl { throw failure("\(describeNext()) is not allowed in a comment") }
            index += 1
        }
    }

    /// Requires that only whitespace and a comment follow on this line, then consumes its end.
    mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipWhitespace()
        try skipComment()
        if isAtEnd { return }
        guard try consumeNewline() else {
            throw failure("expected end of line after \(what), found \(describeNext())")
        }
    }

    /// Skips whitespace, newlines and comments, as allowed between array elements.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipWhitespace()
            try skipComment()
            guard try consumeNewline() else { return }
        }
    }

    /// The next character as an error message names it, e.g. `'x'`, `end of line`, `U+0007`.
    func describeNext() -> String {
        guard let byte = peek else { return "end of input" }
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return "end of line"
        case UInt8(ascii: "\t"): return "tab"
        case _ where byte.isForbiddenControl: return "control character \(Unicode.Scalar(byte).hexNotation)"
        case ..<0x80: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first!
            return "'\(scalar)' (\(scalar.hexNotation))"
        }
    }
}
