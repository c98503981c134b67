extension JSONValue {
    /// The value as compact JSON text with object members sorted by key: the bytes
    /// `JSONEncoder` writes for it with `[.sortedKeys, .withoutEscapingSlashes]` (keys in the
    /// order of their UTF-8 bytes, the same escapes, a double without a trailing `.0`), so
    /// equal values give equal text. Written by hand because the log stores, and the stream
    /// sends, every plugin event's data as this text.
    public var jsonText: String {
        var bytes: [UInt8] = []
        JSONValue.write(self, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `members` as JSON object text, as ``jsonText`` writes it.
    public static func jsonText(of members: [String: JSONValue]) -> String {
        var bytes: [UInt8] = []
        writeObject(members, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .integer(let value): bytes += String(value).utf8
        case .double(let value): writeDouble(value, to: &bytes)
        case .string(let value): writeString(value, to: &bytes)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members): writeObject(members, to: &bytes)
        }
    }

    private static func writeObject(_ members: [String: JSONValue], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            writeString(member.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            write(member.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// As JSONEncoder: the shortest text that reads back exactly, without a trailing `.0`;
    /// `null` for a value JSON has no number for (as ``encode(to:)`` writes it).
    private static func writeDouble(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else {
            bytes += "null".utf8
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }

    /// Writes `string` as a JSON string as JSONEncoder escapes it: `\"`, `\\`, `\b`, `\f`,
    /// `\n`, `\r`, `\t`, other control characters as `\u00xx`, everything else as it is.
    static func writeString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case 0x08: bytes += #"\b"#.utf8
            case 0x0C: bytes += #"\f"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
            case 0..<0x20:
                bytes += #"\u00"#.utf8
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
