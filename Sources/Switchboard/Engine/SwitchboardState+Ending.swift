extension SwitchboardState {
    /// Ends a call: withdraws it from its queue, ends its live legs, and emits, in order,
    /// `voicemail.left` (if the caller was leaving a message), `call.missed` (if nobody of
    /// the company answered) and `call.ended` with the call's one outcome.
    mutating func endCall(_ id: CallID, endedBy: CallEnder, user: UserID?, timedOut: Bool, into step: inout Step) {
        if calls[id]!.queueEntry != nil {
            rescindOffer(id, reason: .callerHungUp, into: &step)
            leaveQueue(id, reason: .abandoned, into: &step)
        }
        for index in calls[id]!.legs.indices where !calls[id]!.legs[index].isEnded {
            endLeg(id, index, hangUp: true, into: &step)
        }
        let call = calls[id]!
        let outcome: CallOutcome
        var missReason: MissReason?
        if case .voicemail(let mailbox, let since) = call.phase {
            outcome = .voicemail
            missReason = .voicemail
            var mailboxUser: UserID?
            var mailboxQueue: QueueID?
            switch mailbox {
            case .user(let owner): mailboxUser = owner
            case .queue(let queue): mailboxQueue = queue
            }
            emit(.voicemailLeft(VoicemailLeftData(
                user: mailboxUser, queue: mailboxQueue, from: call.caller, durationMs: clock.milliseconds(since: since))),
                 call: id, into: &step)
        } else if call.forwarded {
            outcome = .forwarded
        } else if call.answeredAt != nil {
            outcome = .answered
        } else if timedOut {
            outcome = .timedOut
            missReason = .noAnswer
        } else {
            outcome = .abandoned
            missReason = .abandoned
        }
        if case .assistant = call.phase { missReason = .assistantNoInput }
        let missed = call.answeredAt == nil && outcome != .forwarded
            && (call.route != nil || call.directUser != nil || call.firstQueue != nil)
        if missed, let missReason {
            emit(.callMissed(CallMissedData(from: call.caller, queue: call.firstQueue, user: call.directUser, reason: missReason)),
                 call: id, into: &step)
        }
        let waitEnd = call.answeredAt ?? clock
        emit(.callEnded(CallEndedData(
            outcome: outcome, waitMs: waitEnd.milliseconds(since: call.startedAt),
            durationMs: clock.milliseconds(since: call.startedAt),
            talkMs: call.answeredAt.map { clock.milliseconds(since: $0) } ?? 0,
            answeredBy: call.answeredBy, endedBy: endedBy, endedByUser: user, queue: call.firstQueue)),
             call: id, into: &step)
        if missed { missedCalls[id] = MissedCall(number: call.caller, lastSeq: calls[id]!.seq) }
        calls[id] = nil
    }

    /// The caller leaves a message in `mailbox`; it counts when they hang up.
    mutating func enterVoicemail(_ call: CallID, _ mailbox: Mailbox, into step: inout Step) {
        calls[call]!.phase = .voicemail(mailbox, since: clock)
        send(.play(LegID(call: call, index: 0), .voicemail(mailbox)), into: &step)
    }
}
