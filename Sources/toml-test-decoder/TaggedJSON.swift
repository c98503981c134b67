import TOML

/// toml-test's tagged JSON: tables as objects, arrays as arrays, and every other value as
/// `{"type": …, "value": "…"}` with the value written as a string.
enum TaggedJSON {
    /// The JSON text for a document's root table.
    static func encode(_ table: TOMLTable) -> String {
        var out = ""
        write(.table(table), to: &out)
        return out
    }

    private static func write(_ value: TOMLValue, to out: inout String) {
        switch value {
        case .table(let table):
            out += "{"
            for (offset, entry) in table.entries.enumerated() {
                if offset > 0 { out += "," }
                writeString(entry.key, to: &out)
                out += ":"
                write(entry.node.value, to: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                write(element.value, to: &out)
            }
            out += "]"
        case .string(let text): writeLeaf("string", text, to: &out)
        case .integer(let number): writeLeaf("integer", String(number), to: &out)
        case .float(let number): writeLeaf("float", format(number), to: &out)
        case .boolean(let flag): writeLeaf("bool", flag ? "true" : "false", to: &out)
        case .offsetDateTime(let date, let time, let offset):
            writeLeaf("datetime", RFC3339.format(date) + "T" + RFC3339.format(time) + RFC3339.format(offsetMinutes: offset), to: &out)
        case .localDateTime(let date, let time):
            writeLeaf("datetime-local", RFC3339.format(date) + "T" + RFC3339.format(time), to: &out)
        case .localDate(let date): writeLeaf("date-local", RFC3339.format(date), to: &out)
        case .localTime(let time): writeLeaf("time-local", RFC3339.format(time), to: &out)
        }
    }

    private static func writeLeaf(_ type: String, _ value: String, to out: inout String) {
        out += "{\"type\":\"\(type)\",\"value\":"
        writeString(value, to: &out)
        out += "}"
    }

    /// toml-test spells the special floats `inf`, `-inf` and `nan`.
    private static func format(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return number.description
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
