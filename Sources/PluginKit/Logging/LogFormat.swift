/// How log records are written: readable text lines or one JSON object per line.
public enum LogFormat: String, Sendable, CaseIterable, Codable {
    /// `2026-11-25T12:50:48.123Z info http: request method=GET path=/healthz status=200`
    case text
    /// `{"ts":"2026-11-25T12:50:48.123Z","level":"info","label":"http","msg":"request",…}`
    case json

    /// Renders one record as a single line without the trailing newline.
    public func line(for record: LogRecord) -> String {
        let timestamp = RFC3339.string(from: record.timestamp)
        // Appended piece by piece into one buffer: the access log renders a line per request.
        let fields = record.metadata.sorted { $0.key < $1.key }
        var line = ""
        line.reserveCapacity(
            96 + record.message.utf8.count + fields.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 8 })
        switch self {
        case .text:
            line += timestamp
            line += " "
            line += record.level.rawValue
            line += " "
            line += record.label
            line += ": "
            line += record.message
            for (key, value) in fields {
                line += " "
                line += key
                line += "="
                line += Self.textValue(value)
            }
        case .json:
            line += "{\"ts\":"
            line += Self.jsonString(timestamp)
            line += ",\"level\":"
            line += Self.jsonString(record.level.rawValue)
            line += ",\"label\":"
            line += Self.jsonString(record.label)
            line += ",\"msg\":"
            line += Self.jsonString(record.message)
            for (key, value) in fields where !["ts", "level", "label", "msg"].contains(key) {
                line += ","
                line += Self.jsonString(key)
                line += ":"
                line += Self.jsonString(value)
            }
            line += "}"
        }
        return line
    }

    /// A metadata value as text: bare when it is one plain word, otherwise JSON-quoted so a
    /// value can never forge another field or line.
    private static func textValue(_ value: String) -> String {
        // Bytes, not scalars: every byte of a non-ASCII scalar is above 0x7F.
        let plain = !value.isEmpty && value.utf8.allSatisfy {
            $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "\\")
        }
        return plain ? value : jsonString(value)
    }

    /// JSON string literal with every control character escaped.
    static func jsonString(_ value: String) -> String {
        JSONValue.string(value).jsonText
    }
}
