/// How log records are written: readable text lines or one JSON object per line.
public enum LogFormat: String, Sendable, CaseIterable, Codable {
    /// `2026-11-25T12:50:48.123Z info http: request method=GET path=/healthz status=200`
    case text
    /// `{"ts":"2026-11-25T12:50:48.123Z","level":"info","label":"http","msg":"request",…}`
    case json

    /// Renders one record as a single line without the trailing newline.
    public func line(for record: LogRecord) -> String {
        var bytes: [UInt8] = []
        write(record, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the record's line, without the trailing newline, to `bytes` as UTF-8: bytes
    /// rather than string pieces, because the access log writes a line per request.
    func write(_ record: LogRecord, to bytes: inout [UInt8]) {
        let fields = record.metadata.sorted { $0.key < $1.key }
        bytes.reserveCapacity(
            bytes.count + 96 + record.message.utf8.count + fields.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 8 })
        switch self {
        case .text:
            RFC3339.append(record.timestamp, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: record.level.rawValue.utf8)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: record.label.utf8)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: record.message.utf8)
            for (key, value) in fields {
                bytes.append(UInt8(ascii: " "))
                bytes.append(contentsOf: key.utf8)
                bytes.append(UInt8(ascii: "="))
                bytes.append(contentsOf: Self.textValue(value).utf8)
            }
        case .json:
            bytes.append(contentsOf: "{\"ts\":\"".utf8)
            RFC3339.append(record.timestamp, to: &bytes)
            bytes.append(contentsOf: "\",\"level\":".utf8)
            bytes.append(contentsOf: Self.jsonString(record.level.rawValue).utf8)
            bytes.append(contentsOf: ",\"label\":".utf8)
            bytes.append(contentsOf: Self.jsonString(record.label).utf8)
            bytes.append(contentsOf: ",\"msg\":".utf8)
            bytes.append(contentsOf: Self.jsonString(record.message).utf8)
            for (key, value) in fields where !["ts", "level", "label", "msg"].contains(key) {
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: Self.jsonString(key).utf8)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(contentsOf: Self.jsonString(value).utf8)
            }
            bytes.append(UInt8(ascii: "}"))
        }
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
