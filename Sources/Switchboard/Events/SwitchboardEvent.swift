/// One thing that happened in a company's switchboard, in the envelope of DESIGN.md minus
/// `seq` (the event log assigns it).
///
/// Invariants: `id` is unique in the company and stable (the engine's event counter);
/// events of one call carry its `callId` and a `callSeq` that starts at 1 and increases by
/// one with each of the call's events. JSON: `{"id", "type", "tenant", "occurredAt",
/// "callId"?, "callSeq"?, "data"}` (see docs/events.md).
public struct SwitchboardEvent: Sendable, Hashable, Codable {
    /// `tenant:N`, N the company's event counter.
    public let id: String
    /// The company.
    public let tenant: TenantID
    /// When it happened on the engine's clock.
    public let occurredAt: Timestamp
    /// The call, for call events.
    public let callID: CallID?
    /// The event's place in its call's events, from 1.
    public let callSeq: Int?
    /// What happened.
    public let payload: EventPayload

    /// An event; the engine makes them, tests and replays may too.
    public init(id: String, tenant: TenantID, occurredAt: Timestamp, callID: CallID?, callSeq: Int?, payload: EventPayload) {
        self.id = id
        self.tenant = tenant
        self.occurredAt = occurredAt
        self.callID = callID
        self.callSeq = callSeq
        self.payload = payload
    }

    /// The dotted type, e.g. `call.ended`.
    public var type: String { payload.type }

    private enum CodingKeys: String, CodingKey { case id, type, tenant, occurredAt, callId, callSeq, data }

    /// Decodes an envelope; throws for an event type this version does not know.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        tenant = try container.decode(TenantID.self, forKey: .tenant)
        occurredAt = try container.decode(Timestamp.self, forKey: .occurredAt)
        callID = try container.decodeIfPresent(CallID.self, forKey: .callId)
        callSeq = try container.decodeIfPresent(Int.self, forKey: .callSeq)
        let type = try container.decode(String.self, forKey: .type)
        guard let payload = try EventPayload.decode(type: type, from: try container.superDecoder(forKey: .data)) else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown event type \(type)")
        }
        self.payload = payload
    }

    /// Encodes the envelope.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encodeIfPresent(callID, forKey: .callId)
        try container.encodeIfPresent(callSeq, forKey: .callSeq)
        try payload.encodeData(to: container.superEncoder(forKey: .data))
    }
}
