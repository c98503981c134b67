import TOML

/// toml-test's tagged JSON: tables as objects, arrays as arrays, and every other value as
/// `{"type": …, "value": "…"}` with the value written as a string.
enum TaggedJSON {
    /// The UTF-8 JSON text for a document's root table.
    static func encode(_ table: TOMLTable) -> [UInt8] {
        var out: [UInt8] = []
        write(.table(table), to: &out)
        return out
    }

    private static func write(_ value: TOMLValue, to out: inout [UInt8]) {
        switch value {
        case .table(let table):
            out.append(UInt8(ascii: "{"))
            for (offset, entry) in table.entries.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                writeString(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(entry.node.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                write(element.value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): writeLeaf("string", text, to: &out)
        case .integer(let number): writeLeaf("integer", String(number), to: &out)
        case .float(let number): writeLeaf("float", format(number), to: &out)
        case .boolean(let flag): writeLeaf("bool", flag ? "true" : "false", to: &out)
        case .offsetDateTime(let date, let time, let offset):
            let text = RFC3339.format(date) + "T" + RFC3339.format(time) + RFC3339.format(offsetMinutes: offset)
            writeLeaf("datetime", text, to: &out)
        case .localDateTime(let date, let time):
            writeLeaf("datetime-local", RFC3339.format(date) + "T" + RFC3339.format(time), to: &out)
        case .localDate(let date): writeLeaf("date-local", RFC3339.format(date), to: &out)
        case .localTime(let time): writeLeaf("time-local", RFC3339.format(time), to: &out)
        }
    }

    private static func writeLeaf(_ type: StaticString, _ value: String, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":""#.utf8)
        out.append(contentsOf: UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount))
        out.append(contentsOf: #"","value":"#.utf8)
        writeString(value, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// toml-test spells the special floats `inf`, `-inf` and `nan`.
    private static func format(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return number.description
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
