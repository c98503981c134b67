/// One part of a dotted key, with where it was written.
struct KeySegment {
    /// The key's text after unquoting.
    var name: String
    /// Where the key part starts.
    var position: TOMLPosition
}

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

extension [KeySegment] {
    /// The key as a message shows it: `"server.name"`, or TOML syntax such as `a."b c"`
    /// when a part needs quotes.
    var displayName: String { prefix(count).displayName }
}

extension ArraySlice<KeySegment> {
    /// The key as a message shows it; see `[KeySegment].displayName`.
    var displayName: String {
        let names = map(\.name)
        let allBare = names.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(\.isBareKeyByte) }
        if allBare { return "\"" + names.joined(separator: ".") + "\"" }
        return names.map { name in
            !name.isEmpty && name.utf8.allSatisfy(\.isBareKeyByte) ? name : name.quotedForMessage
        }.joined(separator: ".")
    }
}

extension String {
    /// The string as a TOML basic string, escaping quotes, backslashes and control characters.
    var quotedForMessage: String {
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u" + String(scalar.hexNotation.dropFirst(2))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
