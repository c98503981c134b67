/// Where a plugin appends events to the gateway's log (through its context, a route's
/// ``CompanyScope`` or its kind's ``PluginKindContext``): they are durable when `emit`
/// returns, and go to the live stream, the poll endpoint and every plugin whose filter takes
/// them, each with its ``NewEvent/visibility``.
///
/// Rules the gateway enforces (``EventEmissionError``): the company must be one it serves
/// (a company's scope takes only its own); the type must not be one the switchboard emits
/// (`call.*`, `queue.*`, `member.*`, `user.*`, `directory.*`, `comment.*`, `assistant.*`,
/// `voicemail.*`, `engine.*`, `notification.missedCall.*`). Emitting is idempotent by event
/// id: an id already in the log is not appended again, so a redelivered event may emit the
/// same events (same ids) safely.
public protocol PluginEventSink: Sendable {
    /// Appends `events` in order, in one transaction.
    func emit(_ events: [NewEvent]) async throws
}

/// Why events could not be emitted; nothing of the batch is in the log.
public struct EventEmissionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

/// A sink of one company: refuses events of any other company, then hands them on.
public struct CompanyEventSink: PluginEventSink {
    /// Where events go.
    public let base: any PluginEventSink
    /// The only company it takes events of.
    public let company: String

    /// `base` limited to `company`.
    public init(_ base: any PluginEventSink, company: String) {
        self.base = base
        self.company = company
    }

    /// See ``PluginEventSink/emit(_:)``.
    public func emit(_ events: [NewEvent]) async throws {
        if let other = events.first(where: { $0.tenant != company }) {
            throw EventEmissionError("event \(other.id) is of company \(other.tenant), not of this request's company")
        }
        try await base.emit(events)
    }
}

/// A sink for a context without an event log (a plugin tested alone): every emit fails.
public struct NoEventLog: PluginEventSink {
    /// Creates the sink.
    public init() {}

    /// Throws ``EventEmissionError``.
    public func emit(_ events: [NewEvent]) async throws {
        throw EventEmissionError("this context has no event log")
    }
}
