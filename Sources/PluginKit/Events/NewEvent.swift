public import Foundation

/// An event not yet in the log: everything of an ``EventEnvelope`` but its `seq`, which the
/// log assigns when it appends the event.
public struct NewEvent: Hashable, Sendable {
    /// Identifies the event for good: the same id on every retry and every delivery, and
    /// unique in the log (appending an id twice fails).
    public var id: String
    /// What happened, dotted from general to specific, e.g. `queue.caller.joined`.
    public var type: String
    /// The tenant (company) the event belongs to.
    public var tenant: String
    /// When it happened, in whole milliseconds (see ``init(id:type:tenant:occurredAt:callId:callSeq:data:visibility:)``).
    public var occurredAt: Date
    /// The call the event is about, if any.
    public var callId: String?
    /// The event's position among its call's events (1, 2, …), if it is about a call.
    public var callSeq: Int64?
    /// Who of the company may see it (the live stream, the poll endpoint, plugins' filters).
    public var visibility: EventVisibility
    var fields: EventFields

    /// Creates an event. `occurredAt` is truncated to whole milliseconds, the precision the
    /// log and the JSON form keep, so an appended event reads back equal.
    public init(
        id: String, type: String, tenant: String, occurredAt: Date,
        callId: String? = nil, callSeq: Int64? = nil, data: [String: JSONValue] = [:], visibility: EventVisibility = .company
    ) {
        self.init(
            id: id, type: type, tenant: tenant, occurredAt: occurredAt, callId: callId, callSeq: callSeq,
            fields: EventFields(data), visibility: visibility)
    }

    /// Creates an event whose data is already JSON text, encoded once by its maker (the
    /// engine's `SortedJSONEncoder`): the log stores it and the stream sends it as it is, and
    /// ``data`` decodes it only if read. `dataJSON` must be a compact JSON object as
    /// `JSONEncoder` writes it with `[.sortedKeys, .withoutEscapingSlashes]` (as
    /// ``JSONValue/jsonText(of:)`` does too). `occurredAt` is truncated as by
    /// ``init(id:type:tenant:occurredAt:callId:callSeq:data:visibility:)``.
    public init(
        id: String, type: String, tenant: String, occurredAt: Date, callId: String? = nil, callSeq: Int64? = nil,
        dataJSON: String, visibility: EventVisibility = .company
    ) {
        self.init(
            id: id, type: type, tenant: tenant, occurredAt: occurredAt, callId: callId, callSeq: callSeq,
            fields: EventFields(json: dataJSON), visibility: visibility)
    }

    init(
        id: String, type: String, tenant: String, occurredAt: Date, callId: String?, callSeq: Int64?, fields: EventFields,
        visibility: EventVisibility
    ) {
        self.id = id
        self.type = type
        self.tenant = tenant
        self.occurredAt = Date(millisecondsSince1970: occurredAt.millisecondsSince1970)
        self.callId = callId
        self.callSeq = callSeq
        self.fields = fields
        self.visibility = visibility
    }

    /// The event's fields; docs/events.md lists them per type.
    public var data: [String: JSONValue] {
        get { fields.fields }
        set { fields = EventFields(newValue) }
    }

    /// ``data`` as compact JSON with sorted keys: the text the log stores and the stream sends.
    public var dataJSON: String { fields.json }
}
