/// The call log (LOG-1, LOG-2, LOG-3) as a projection of events: apply every event in log
/// order; a missed queue call is one entry, however many members it was offered to.
/// Rebuilding from the same events gives the same log.
public struct CallLog: Sendable, Hashable, Codable {
    private var entriesByCall: [CallID: CallLogEntry] = [:]

    /// An empty log.
    public init() {}

    /// The entry of a call, if the log has seen it start.
    public subscript(call: CallID) -> CallLogEntry? { entriesByCall[call] }

    /// How many calls the log holds.
    public var count: Int { entriesByCall.count }

    /// Updates the log with one event; events of other kinds are ignored.
    public mutating func apply(_ event: SwitchboardEvent) {
        guard let call = event.callID else { return }
        switch event.payload {
        case .callIncoming(let data):
            entriesByCall[call] = CallLogEntry(
                call: call, direction: .incoming, from: data.from, fromUser: data.fromUser, fromName: data.fromName,
                to: data.to, queue: data.queue, user: data.user, startedAt: event.occurredAt, handledBy: [], missed: false)
        case .callOutgoing(let data):
            var target: UserID?
            var number: PhoneNumber?
            switch data.target {
            case .user(let user): target = user
            case .number(let dialed): number = dialed
            case .queue: break
            }
            entriesByCall[call] = CallLogEntry(
                call: call, direction: .outgoing, from: data.number, fromUser: data.user, fromName: nil, to: number,
                queue: nil, user: target, startedAt: event.occurredAt, handledBy: [], missed: false)
        case .queueCallerJoined(let data):
            if entriesByCall[call]?.queue == nil { entriesByCall[call]?.queue = data.queue }
        case .callAnswered(let data):
            entriesByCall[call]?.answeredBy = data.answeredBy
            entriesByCall[call]?.answeredAt = event.occurredAt
            entriesByCall[call]?.waitMs = data.waitMs
            if let user = data.answeredBy { entriesByCall[call]?.handledBy.append(user) }
        case .callTransferred(let data):
            if data.outcome == .completed, let user = data.answeredBy { entriesByCall[call]?.handledBy.append(user) }
        case .callMissed:
            entriesByCall[call]?.missed = true
        case .callEnded(let data):
            entriesByCall[call]?.outcome = data.outcome
            entriesByCall[call]?.waitMs = data.waitMs
            entriesByCall[call]?.durationMs = data.durationMs
            entriesByCall[call]?.talkMs = data.talkMs
            entriesByCall[call]?.endedAt = event.occurredAt
        case .callCalledBack(let data):
            entriesByCall[call]?.calledBackBy = data.by
        default:
            break
        }
    }

    /// LOG-1: the entries `viewer` sees with `filter`, newest first. A nil viewer is the
    /// company's view (an integration): every direct call counts as "own", `mine` is empty.
    public func entries(_ filter: CallLogFilter, for viewer: UserID?) -> [CallLogEntry] {
        entriesByCall.values
            .filter { entry in
                let isQueueCall = entry.queue != nil
                let isOwnDirect = !isQueueCall && (viewer == nil || entry.user == viewer || entry.fromUser == viewer)
                switch filter {
                case .all: return isQueueCall || isOwnDirect
                case .missed: return isQueueCall && entry.missed
                case .mine: return isQueueCall && viewer.map(entry.handledBy.contains) == true
                case .direct: return isOwnDirect
                }
            }
            .sorted { ($0.startedAt, $0.call) > ($1.startedAt, $1.call) }
    }
}
