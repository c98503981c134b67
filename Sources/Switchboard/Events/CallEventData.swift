/// `call.incoming`: a call arrived for a queue or a user (CALL-1).
public struct CallIncomingData: Sendable, Hashable, Codable {
    /// The caller's number.
    public let from: PhoneNumber
    /// The caller, when it is a colleague.
    public let fromUser: UserID?
    /// The caller's name, when it is a colleague.
    public let fromName: String?
    /// The number called.
    public let to: PhoneNumber
    /// Queue or direct.
    public let route: CallRoute
    /// The queue, for `route == queue`.
    public let queue: QueueID?
    /// The user called, for `route == direct`.
    public let user: UserID?
    /// The caller's leg.
    public let leg: LegID
    /// CMT-1: the comments on the caller's number, oldest first.
    public let comments: [CallerComment]
}

/// `call.outgoing`: a user started a click-to-call (DIR-2, PHONE-1, Q-3); their own phone rings first.
public struct CallOutgoingData: Sendable, Hashable, Codable {
    /// The calling user.
    public let user: UserID
    /// The phone that rings first (AV-2).
    public let device: Device
    /// That phone's number.
    public let number: PhoneNumber
    /// Its leg (leg 0 of the call).
    public let leg: LegID
    /// What is called.
    public let target: DialTarget
    /// PROF-3: the caller ID the target will see.
    public let displayNumber: PhoneNumber
}

/// `call.ringing`: the engine rings a phone for a call (not a queue offer).
public struct CallRingingData: Sendable, Hashable, Codable {
    /// The new leg.
    public let leg: LegID
    /// The number rung.
    public let number: PhoneNumber
    /// The user rung, when it is a colleague.
    public let user: UserID?
    /// Which of the user's phones (PROF-7, AV-2).
    public let device: Device?
    /// Why it rings.
    public let reason: RingReason
    /// How long it rings before the engine gives up, in milliseconds.
    public let ringTimeoutMs: Int64
}

/// `call.forwarded`: PROF-6: a direct call goes to the user's forwarding number.
public struct CallForwardedData: Sendable, Hashable, Codable {
    /// The user called.
    public let user: UserID
    /// The forwarding number.
    public let to: PhoneNumber
}

/// `call.answered`: the caller is connected for the first time.
public struct CallAnsweredData: Sendable, Hashable, Codable {
    /// The colleague who answered; nil when a number outside the company answered.
    public let answeredBy: UserID?
    /// The number that answered.
    public let number: PhoneNumber
    /// The answering leg.
    public let leg: LegID
    /// The queue the call came from, for queue calls.
    public let queue: QueueID?
    /// Milliseconds from the call's start to the answer.
    public let waitMs: Int64
}

/// `call.held` and `call.resumed`: hold started or ended.
public struct CallHoldData: Sendable, Hashable, Codable {
    /// Who put the call on hold or took it off.
    public let by: UserID
}

/// `call.missed`: the call ended without anyone of the company answering; one per call (LOG-1).
public struct CallMissedData: Sendable, Hashable, Codable {
    /// The caller's number.
    public let from: PhoneNumber
    /// The queue, for queue calls.
    public let queue: QueueID?
    /// The user called, for direct calls.
    public let user: UserID?
    /// Why.
    public let reason: MissReason
}

/// `call.ended`: the last event of a call's life (`call.calledBack` may follow, LOG-3).
public struct CallEndedData: Sendable, Hashable, Codable {
    /// The one outcome of the call.
    public let outcome: CallOutcome
    /// Milliseconds from the start to the first answer, or to the end if never answered.
    public let waitMs: Int64
    /// Milliseconds from the start to the end.
    public let durationMs: Int64
    /// Milliseconds from the first answer to the end; 0 if never answered.
    public let talkMs: Int64
    /// The colleague who answered first.
    public let answeredBy: UserID?
    /// Who ended the call.
    public let endedBy: CallEnder
    /// The user, when `endedBy == user`.
    public let endedByUser: UserID?
    /// The first queue of a queue call.
    public let queue: QueueID?
}

/// `call.calledBack`: LOG-3: a missed call was marked called back.
public struct CallCalledBackData: Sendable, Hashable, Codable {
    /// Who marked it.
    public let by: UserID
    /// The caller's number.
    public let number: PhoneNumber
}
