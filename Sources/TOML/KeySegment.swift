/// One part of a dotted key, with where it was written.
struct KeySegment {
    /// The key's text after unquoting.
    var name: String
    /// Where the key part starts.
    var position: TOMLPosition
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
