import Foundation
import Synchronization

/// An event's `data` as ``NewEvent`` and ``EventEnvelope`` hold it: the compact JSON object
/// text the log stores and the live stream sends, written once, and the fields, decoded from
/// that text only when something reads them (then kept).
///
/// Equal when the texts are equal or the fields are (the same fields may be written
/// differently, `1` or `1.0`); the data takes no part in the hash for the same reason.
struct EventFields: Hashable, Sendable {
    /// The JSON object text.
    let json: String
    private let decoded: DecodedFields

    /// Data made of `fields`, written as ``JSONValue/jsonText(of:)`` writes them.
    init(_ fields: [String: JSONValue]) {
        json = JSONValue.jsonText(of: fields)
        decoded = DecodedFields(fields)
    }

    /// Data already written as JSON; see ``NewEvent/init(id:type:tenant:occurredAt:callId:callSeq:dataJSON:)``.
    init(json: String) {
        self.json = json
        decoded = DecodedFields(nil)
    }

    /// The fields; empty if the text is not a JSON object (text from the log always is).
    var fields: [String: JSONValue] { decoded.fields(of: json) }

    static func == (lhs: EventFields, rhs: EventFields) -> Bool {
        lhs.json == rhs.json || lhs.fields == rhs.fields
    }

    func hash(into hasher: inout Hasher) {}
}

/// The fields of one data text once decoded, shared by the copies of the event that carry it.
private final class DecodedFields: Sendable {
    private let cache: Mutex<[String: JSONValue]?>

    init(_ fields: [String: JSONValue]?) {
        cache = Mutex(fields)
    }

    func fields(of json: String) -> [String: JSONValue] {
        if let fields = cache.withLock({ $0 }) { return fields }
        let fields = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(json.utf8))) ?? [:]
        cache.withLock { $0 = fields }
        return fields
    }
}
