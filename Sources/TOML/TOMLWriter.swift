/// Writes a `TOMLTable` back as TOML 1.0 text: plain keys first, then sub-tables and
/// arrays of tables under their headers. Positions are ignored.
public enum TOMLWriter {
    /// The document for `table`.
    public static func string(from table: TOMLTable) -> String {
        var lines: [String] = []
        write(table, header: [], into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ table: TOMLTable, header: [String], into lines: inout [String]) {
        var nested: [(key: String, node: TOMLNode)] = []
        for (key, node) in table.entries {
            if isHeaderSection(node.value) {
                nested.append((key, node))
            } else {
                lines.append("\(keyText(key)) = \(inline(node.value))")
            }
        }
        for (key, node) in nested {
            let path = header + [key]
            let name = path.map(keyText).joined(separator: ".")
            switch node.value {
            case .table(let subtable):
                if !lines.isEmpty { lines.append("") }
                lines.append("[\(name)]")
                write(subtable, header: path, into: &lines)
            case .array(let elements):
                for element in elements {
                    guard case .table(let subtable) = element.value else { continue }
                    if !lines.isEmpty { lines.append("") }
                    lines.append("[[\(name)]]")
                    write(subtable, header: path, into: &lines)
                }
            default:
                continue
            }
        }
    }

    /// Tables and non-empty arrays made only of tables get their own headers.
    private static func isHeaderSection(_ value: TOMLValue) -> Bool {
        switch value {
        case .table: return true
        case .array(let elements):
            return !elements.isEmpty && elements.allSatisfy { if case .table = $0.value { true } else { false } }
        default: return false
        }
    }

    private static func keyText(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? key : quoted(key)
    }

    private static func inline(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .integer(let number): return String(number)
        case .float(let number):
            if number.isNaN { return "nan" }
            if number.isInfinite { return number < 0 ? "-inf" : "inf" }
            let text = String(number)
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case .boolean(let flag): return flag ? "true" : "false"
        case .offsetDateTime(let date, let time, let offset): return "\(dateText(date))T\(timeText(time))\(offsetText(offset))"
        case .localDateTime(let date, let time): return "\(dateText(date))T\(timeText(time))"
        case .localDate(let date): return dateText(date)
        case .localTime(let time): return timeText(time)
        case .array(let elements): return "[" + elements.map { inline($0.value) }.joined(separator: ", ") + "]"
        case .table(let table):
            return "{ " + table.entries.map { "\(keyText($0.key)) = \(inline($0.node.value))" }.joined(separator: ", ") + " }"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u" + padded(String(scalar.value, radix: 16, uppercase: true), 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func dateText(_ date: TOMLDate) -> String {
        "\(padded(String(date.year), 4))-\(padded(String(date.month), 2))-\(padded(String(date.day), 2))"
    }

    private static func timeText(_ time: TOMLTime) -> String {
        var text = "\(padded(String(time.hour), 2)):\(padded(String(time.minute), 2)):\(padded(String(time.second), 2))"
        if time.nanosecond > 0 {
            var fraction = padded(String(time.nanosecond), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    private static func offsetText(_ minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        return "\(sign)\(padded(String(abs(minutes) / 60), 2)):\(padded(String(abs(minutes) % 60), 2))"
    }

    private static func padded(_ digits: String, _ width: Int) -> String {
        digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
