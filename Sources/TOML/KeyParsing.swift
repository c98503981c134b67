/// Keys: bare and quoted parts joined by dots.
extension Cursor {
    /// Parses a key: bare or quoted parts joined by dots, with optional whitespace around dots.
    mutating func parseKey() throws(TOMLError) -> [KeySegment] {
        var segments: [KeySegment] = []
        repeat {
            skipWhitespace()
            let position = position()
            let name: String
            switch peek {
            case UInt8(ascii: "\""):
                if looksAt("\"\"\"") { throw failure("a multiline string cannot be a key") }
                name = try parseBasicString()
            case UInt8(ascii: "'"):
                if looksAt("'''") { throw failure("a multiline string cannot be a key") }
                name = try parseLiteralString()
            case let byte? where byte.isBareKeyByte:
                let start = index
                while let next = peek, next.isBareKeyByte { index += 1 }
                name = String(decoding: bytes[start..<index], as: UTF8.self)
            default:
                let what = segments.isEmpty ? "a key" : "a key after '.'"
                throw failure("expected \(what), found \(describeNext())")
            }
            segments.append(KeySegment(name: name, position: position))
            skipWhitespace()
        } while consume(UInt8(ascii: "."))
        return segments
    }
}
