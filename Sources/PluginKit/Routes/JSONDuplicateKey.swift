import Foundation

/// Finds a key that appears twice in one object of a JSON text. Foundation's decoders keep one
/// of the two silently, so `{"role": "user", "role": "admin"}` would mean whatever the parser
/// chose; the API refuses such a body instead (RFC 8259 §4: names SHOULD be unique).
///
/// The text must already be valid JSON (the scan trusts its structure). Keys are compared
/// after unescaping, so `"a"` and `"\u0061"` are the same key.
enum JSONDuplicateKey {
    /// The path of the first repeated key (`to.user`, `items[2].name`), or nil when every
    /// object's keys are unique.
    static func first(in json: Data) -> String? {
        let bytes = [UInt8](json)
        var scopes: [Scope] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                scopes.append(Scope(kind: .object(keys: []), name: pendingName(scopes)))
            case UInt8(ascii: "["):
                scopes.append(Scope(kind: .array(index: 0), name: pendingName(scopes)))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                scopes.removeLast()
            case UInt8(ascii: ","):
                if case .array(let position) = scopes.last?.kind { scopes[scopes.count - 1].kind = .array(index: position + 1) }
                if case .object = scopes.last?.kind { scopes[scopes.count - 1].expectsKey = true }
            case UInt8(ascii: "\""):
                let end = stringEnd(bytes, from: index)
                if case .object(var keys) = scopes.last?.kind, scopes[scopes.count - 1].expectsKey {
                    let raw = bytes[(index + 1)..<end]
                    let key = raw.contains(UInt8(ascii: "\\"))
                        ? (try? JSONDecoder().decode(String.self, from: Data(bytes[index...end]))) ?? ""
                        : String(decoding: raw, as: UTF8.self)
                    guard keys.insert(key).inserted else { return path(scopes, key) }
                    scopes[scopes.count - 1].kind = .object(keys: keys)
                    scopes[scopes.count - 1].expectsKey = false
                    scopes[scopes.count - 1].lastKey = key
                }
                index = end
            default:
                break
            }
            index += 1
        }
        return nil
    }

    private struct Scope {
        enum Kind {
            case object(keys: Set<String>)
            case array(index: Int)
        }
        var kind: Kind
        /// How the parent names this scope (`to`, `[2]`), empty at the top.
        var name: String
        var expectsKey = true
        var lastKey = ""
    }

    /// The name the innermost scope gives the value starting now.
    private static func pendingName(_ scopes: [Scope]) -> String {
        guard let parent = scopes.last else { return "" }
        switch parent.kind {
        case .object: return parent.lastKey
        case .array(let index): return "[\(index)]"
        }
    }

    private static func path(_ scopes: [Scope], _ key: String) -> String {
        var path = ""
        for scope in scopes.dropFirst() {
            if scope.name.hasPrefix("[") || path.isEmpty { path += scope.name } else { path += "." + scope.name }
        }
        return path.isEmpty ? key : "\(path).\(key)"
    }

    /// The index of the quote closing the string that opens at `start`.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index
            default: index += 1
            }
        }
        return bytes.count - 1
    }
}
