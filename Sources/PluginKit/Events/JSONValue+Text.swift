extension JSONValue {
    /// The value as compact JSON text with object members sorted by key, so equal values
    /// give equal text. Written by hand because the event log serializes every event's
    /// data on its hot path, where `JSONEncoder` costs several times more.
    public var jsonText: String {
        var text = ""
        JSONValue.write(self, to: &text)
        return text
    }

    /// `members` as JSON object text, as ``jsonText`` writes it.
    public static func jsonText(of members: [String: JSONValue]) -> String {
        var text = ""
        writeObject(members, to: &text)
        return text
    }

    private static func write(_ value: JSONValue, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .integer(let value): text += String(value)
        case .double(let value): text += value.isFinite ? value.description : "null"
        case .string(let value): writeString(value, to: &text)
        case .array(let values):
            text += "["
            for (index, element) in values.enumerated() {
                if index > 0 { text += "," }
                write(element, to: &text)
            }
            text += "]"
        case .object(let members): writeObject(members, to: &text)
        }
    }

    private static func writeObject(_ members: [String: JSONValue], to text: inout String) {
        text += "{"
        for (index, key) in members.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            writeString(key, to: &text)
            text += ":"
            write(members[key]!, to: &text)
        }
        text += "}"
    }

    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            text += string
        } else {
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20: text += "\\u00" + hexDigits(scalar.value)
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    private static func hexDigits(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xf)]])
    }
}
