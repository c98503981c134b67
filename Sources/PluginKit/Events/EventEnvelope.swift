public import Foundation

/// An event as it is everywhere — in the log, on the live stream, to every plugin — with the
/// log position it was given when it was appended.
///
/// JSON form (``Codable``): `seq`, `id`, `type`, `tenant`, `occurredAt` (RFC 3339 in UTC
/// with milliseconds), `callId` and `callSeq` (left out when the event is not about a call)
/// and `data` (an object).
public struct EventEnvelope: Hashable, Sendable {
    /// The event's position in the log: strictly increasing and without gaps, starting at 1.
    public var seq: Int64
    /// Identifies the event for good: the same on every retry and every delivery.
    public var id: String
    /// What happened, dotted from general to specific, e.g. `queue.caller.joined`.
    public var type: String
    /// The tenant (company) the event belongs to.
    public var tenant: String
    /// When it happened, in whole milliseconds.
    public var occurredAt: Date
    /// The call the event is about, if any.
    public var callId: String?
    /// The event's position among its call's events, if it is about a call.
    public var callSeq: Int64?
    /// Who of the company may see it; not part of the JSON form (a client or plugin sees
    /// only what it may).
    public var visibility: EventVisibility
    var fields: EventFields

    /// Creates an envelope from its parts. `occurredAt` should already be whole
    /// milliseconds (as ``NewEvent`` makes it): finer parts do not survive JSON or the log.
    public init(
        seq: Int64, id: String, type: String, tenant: String, occurredAt: Date,
        callId: String? = nil, callSeq: Int64? = nil, data: [String: JSONValue] = [:], visibility: EventVisibility = .company
    ) {
        self.init(
            seq: seq, id: id, type: type, tenant: tenant, occurredAt: occurredAt, callId: callId, callSeq: callSeq,
            fields: EventFields(data), visibility: visibility)
    }

    /// Creates an envelope whose data is JSON text as the log stores it (see
    /// ``NewEvent/init(id:type:tenant:occurredAt:callId:callSeq:dataJSON:visibility:)``): kept
    /// as it is, and decoded only if ``data`` is read.
    public init(
        seq: Int64, id: String, type: String, tenant: String, occurredAt: Date, callId: String? = nil,
        callSeq: Int64? = nil, dataJSON: String, visibility: EventVisibility = .company
    ) {
        self.init(
            seq: seq, id: id, type: type, tenant: tenant, occurredAt: occurredAt, callId: callId, callSeq: callSeq,
            fields: EventFields(json: dataJSON), visibility: visibility)
    }

    /// The envelope of `event` appended at log position `seq`.
    public init(seq: Int64, event: NewEvent) {
        self.init(
            seq: seq, id: event.id, type: event.type, tenant: event.tenant, occurredAt: event.occurredAt,
            callId: event.callId, callSeq: event.callSeq, fields: event.fields, visibility: event.visibility)
    }

    private init(
        seq: Int64, id: String, type: String, tenant: String, occurredAt: Date, callId: String?, callSeq: Int64?,
        fields: EventFields, visibility: EventVisibility
    ) {
        self.seq = seq
        self.id = id
        self.type = type
        self.tenant = tenant
        self.occurredAt = occurredAt
        self.callId = callId
        self.callSeq = callSeq
        self.fields = fields
        self.visibility = visibility
    }

    /// The event's fields; docs/events.md lists them per type. Decoded from ``dataJSON`` the
    /// first time they are read, when the envelope was made from text (as the log makes it).
    public var data: [String: JSONValue] {
        get { fields.fields }
        set { fields = EventFields(newValue) }
    }

    /// ``data`` as compact JSON with sorted keys: the text the log stores and the stream sends.
    public var dataJSON: String { fields.json }

    /// The event without its log position.
    public var unsequenced: NewEvent {
        NewEvent(
            id: id, type: type, tenant: tenant, occurredAt: occurredAt, callId: callId, callSeq: callSeq, fields: fields,
            visibility: visibility)
    }

    /// The JSON form as UTF-8, with ``dataJSON`` in it as it is: the bytes `Codable` gives
    /// with `JSONEncoder`'s `[.sortedKeys, .withoutEscapingSlashes]`, without decoding the
    /// data to encode it again. The live stream sends these.
    public var json: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.json.utf8.count + type.utf8.count + 128)
        bytes += "{".utf8
        if let callId {
            bytes += #""callId":"#.utf8
            JSONValue.writeString(callId, to: &bytes)
            bytes += ",".utf8
        }
        if let callSeq { bytes += #""callSeq":\#(callSeq),"#.utf8 }
        bytes += #""data":"#.utf8
        bytes += fields.json.utf8
        bytes += #","id":"#.utf8
        JSONValue.writeString(id, to: &bytes)
        bytes += #","occurredAt":""#.utf8
        RFC3339.append(millisecondsSince1970: occurredAt.millisecondsSince1970, to: &bytes)
        bytes += #"","seq":\#(seq),"tenant":"#.utf8
        JSONValue.writeString(tenant, to: &bytes)
        bytes += #","type":"#.utf8
        JSONValue.writeString(type, to: &bytes)
        bytes += "}".utf8
        return bytes
    }
}

extension EventEnvelope: Codable {
    private enum CodingKeys: String, CodingKey {
        case seq, id, type, tenant, occurredAt, callId, callSeq, data
    }

    /// Decodes the JSON form; `occurredAt` must be an RFC 3339 date-time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let time = try container.decode(String.self, forKey: .occurredAt)
        guard let occurredAt = RFC3339.date(from: time) else {
            throw DecodingError.dataCorruptedError(
                forKey: .occurredAt, in: container, debugDescription: "not an RFC 3339 date-time: \(time)")
        }
        self.init(
            seq: try container.decode(Int64.self, forKey: .seq),
            id: try container.decode(String.self, forKey: .id),
            type: try container.decode(String.self, forKey: .type),
            tenant: try container.decode(String.self, forKey: .tenant),
            occurredAt: occurredAt,
            callId: try container.decodeIfPresent(String.self, forKey: .callId),
            callSeq: try container.decodeIfPresent(Int64.self, forKey: .callSeq),
            data: try container.decode([String: JSONValue].self, forKey: .data))
    }

    /// Encodes the JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(tenant, forKey: .tenant)
        // Half a millisecond in, so RFC3339's rounding down lands on this millisecond even
        // when the binary fraction sits a hair below it.
        let milliseconds = occurredAt.millisecondsSince1970
        try container.encode(
            RFC3339.string(from: Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000)), forKey: .occurredAt)
        try container.encodeIfPresent(callId, forKey: .callId)
        try container.encodeIfPresent(callSeq, forKey: .callSeq)
        try container.encode(data, forKey: .data)
    }
}
