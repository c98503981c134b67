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
    /// The event's fields; docs/events.md lists them per type.
    public var data: [String: JSONValue]
    /// Who of the company may see it; not part of the JSON form (a client or plugin sees
    /// only what it may).
    public var visibility: EventVisibility

    /// Creates an envelope from its parts. `occurredAt` should already be whole
    /// milliseconds (as ``NewEvent`` makes it): finer parts do not survive JSON or the log.
    public init(
        seq: Int64, id: String, type: String, tenant: String, occurredAt: Date,
        callId: String? = nil, callSeq: Int64? = nil, data: [String: JSONValue] = [:], visibility: EventVisibility = .company
    ) {
        self.seq = seq
        self.id = id
        self.type = type
        self.tenant = tenant
        self.occurredAt = occurredAt
        self.callId = callId
        self.callSeq = callSeq
        self.data = data
        self.visibility = visibility
    }

    /// The envelope of `event` appended at log position `seq`.
    public init(seq: Int64, event: NewEvent) {
        self.init(
            seq: seq, id: event.id, type: event.type, tenant: event.tenant, occurredAt: event.occurredAt,
            callId: event.callId, callSeq: event.callSeq, data: event.data, visibility: event.visibility)
    }

    /// The event without its log position.
    public var unsequenced: NewEvent {
        NewEvent(
            id: id, type: type, tenant: tenant, occurredAt: occurredAt, callId: callId, callSeq: callSeq, data: data, visibility: visibility)
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
