import PluginKit
import Switchboard

/// A caller waiting in a queue (WAIT-1).
struct WaitingCallView: Encodable, Sendable {
    let callId: CallID
    let queue: QueueID
    let from: PhoneNumber
    let waitMs: Int64
    let position: Int
    let offeredTo: UserID?

    init(_ call: WaitingCall) {
        callId = call.call
        queue = call.queue
        from = call.from
        waitMs = call.waitMs
        position = call.position
        offeredTo = call.offeredTo
    }
}

/// A call in progress.
struct ActiveCallView: Encodable, Sendable {
    /// A phone in the call.
    struct Party: Encodable, Sendable {
        let leg: LegID
        let user: UserID?
        let ringing: Bool
    }

    let callId: CallID
    let from: PhoneNumber
    let fromUser: UserID?
    let queue: QueueID?
    let user: UserID?
    let state: String
    let onHold: Bool
    let startedAt: Timestamp
    let answeredAt: Timestamp?
    let parties: [Party]

    init(_ call: CallSummary) {
        callId = call.call
        from = call.from
        fromUser = call.fromUser
        queue = call.queue
        user = call.user
        state = call.state.rawValue
        onHold = call.onHold
        startedAt = call.startedAt
        answeredAt = call.answeredAt
        parties = call.parties.map { Party(leg: $0.leg, user: $0.user, ringing: $0.ringing) }
    }
}

/// One call in the call log (LOG-2, LOG-3).
struct CallLogEntryView: Encodable, Sendable {
    let callId: CallID
    let direction: String
    let from: PhoneNumber
    let fromUser: UserID?
    let fromName: String?
    let to: PhoneNumber?
    let queue: QueueID?
    let user: UserID?
    let startedAt: Timestamp
    let answeredAt: Timestamp?
    let answeredBy: UserID?
    let handledBy: [UserID]
    let waitMs: Int64?
    let durationMs: Int64?
    let talkMs: Int64?
    let outcome: String?
    let missed: Bool
    let calledBackBy: UserID?
    let endedAt: Timestamp?

    init(_ entry: CallLogEntry) {
        callId = entry.call
        direction = entry.direction.rawValue
        from = entry.from
        fromUser = entry.fromUser
        fromName = entry.fromName
        to = entry.to
        queue = entry.queue
        user = entry.user
        startedAt = entry.startedAt
        answeredAt = entry.answeredAt
        answeredBy = entry.answeredBy
        handledBy = entry.handledBy
        waitMs = entry.waitMs
        durationMs = entry.durationMs
        talkMs = entry.talkMs
        outcome = entry.outcome?.rawValue
        missed = entry.missed
        calledBackBy = entry.calledBackBy
        endedAt = entry.endedAt
    }
}

/// What an action returns: the events it produced, as they are in the log.
struct ActionResult: Encodable, Sendable {
    let events: [EventEnvelope]
}
