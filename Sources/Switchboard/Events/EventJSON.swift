public import Foundation

extension SwitchboardEvent {
    /// The event as compact JSON with sorted keys: the same event always gives the same bytes,
    /// the ones `JSONEncoder` writes for it with `[.sortedKeys, .withoutEscapingSlashes]`. The
    /// envelope is written field by field, the data as ``SortedJSONEncoder`` writes it.
    public func jsonData() throws -> Data {
        try JSONByteWriter.withWriter { writer in
            try writeJSON(to: writer)
            return Data(buffer: writer.bytes.written)
        }
    }

    /// The event's `data` object alone, as ``jsonData()`` writes it within the envelope: the
    /// text the event log stores for the event and the stream sends, encoded once.
    public func dataJSON() throws -> String {
        try JSONByteWriter.withWriter { writer in
            try payload.writeData(to: writer)
            return String(decoding: writer.bytes.written, as: UTF8.self)
        }
    }

    /// Decodes an event from the JSON `jsonData()` writes.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(SwitchboardEvent.self, from: jsonData)
    }

    /// The envelope's members in the order of their keys, as `encode(to:)` names them.
    private func writeJSON(to writer: JSONByteWriter) throws {
        writer.bytes.append(UInt8(ascii: "{"))
        if let callID {
            writer.append(#""callId":"#)
            writer.write(callID)
            writer.bytes.append(UInt8(ascii: ","))
        }
        if let callSeq {
            writer.append(#""callSeq":"#)
            writer.write(callSeq)
            writer.bytes.append(UInt8(ascii: ","))
        }
        writer.append(#""data":"#)
        let type = try payload.writeData(to: writer)
        writer.append(#","id":"#)
        writer.writeString(id)
        writer.append(#","occurredAt":"#)
        writer.write(occurredAt)
        writer.append(#","tenant":"#)
        writer.writeString(tenant.rawValue)
        writer.append(#","type":"#)
        writer.writeString(type)
        writer.bytes.append(UInt8(ascii: "}"))
    }
}
