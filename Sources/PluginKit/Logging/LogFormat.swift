/// How log records are written: readable text lines or one JSON object per line.
public enum LogFormat: String, Sendable, CaseIterable, Codable {
    /// `2026-11-25T12:50:48.123Z info http: request method=GET path=/healthz status=200`
    case text
    /// `{"ts":"2026-11-25T12:50:48.123Z","level":"info","label":"http","msg":"request",…}`
    case json

    /// Renders one record as a single line without the trailing newline.
    public func line(for record: LogRecord) -> String {
        let timestamp = RFC3339.string(from: record.timestamp)
        let keys = record.metadata.keys.sorted()
        switch self {
        case .text:
            var line = "\(timestamp) \(record.level.rawValue) \(record.label): \(record.message)"
            for key in keys {
                line += " \(key)=\(Self.textValue(record.metadata[key]!))"
            }
            return line
        case .json:
            var line = "{\"ts\":\(Self.jsonString(timestamp)),\"level\":\(Self.jsonString(record.level.rawValue))"
            line += ",\"label\":\(Self.jsonString(record.label)),\"msg\":\(Self.jsonString(record.message))"
            for key in keys where !["ts", "level", "label", "msg"].contains(key) {
                line += ",\(Self.jsonString(key)):\(Self.jsonString(record.metadata[key]!))"
            }
            return line + "}"
        }
    }

    /// A metadata value as text: bare when it is one plain word, otherwise JSON-quoted so a
    /// value can never forge another field or line.
    private static func textValue(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "=" && $0 != "\\"
        }
        return plain ? value : jsonString(value)
    }

    /// JSON string literal with every control character escaped.
    static func jsonString(_ value: String) -> String {
        JSONValue.string(value).jsonText
    }
}
