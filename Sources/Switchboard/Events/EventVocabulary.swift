// The closed vocabularies of event fields. Their raw values are part of the event contract
// (docs/events.md): add cases, never rename them.

/// How a call reached the engine (`call.incoming.route`).
public enum CallRoute: String, Sendable, Hashable, Codable {
    /// To a queue's main number.
    case queue
    /// To a user's number.
    case direct
}

/// How a call ended (`call.ended.outcome`); every call ends in exactly one.
public enum CallOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// A person (or, for outgoing calls, the called number) answered.
    case answered
    /// The caller hung up before anyone answered.
    case abandoned
    /// The caller reached a voicemail box.
    case voicemail
    /// Nobody answered in time and there was nowhere else to go.
    case timedOut
    /// PROF-6: the call was forwarded to another number.
    case forwarded
}

/// Who ended a call (`call.ended.endedBy`).
public enum CallEnder: String, Sendable, Hashable, Codable {
    /// The caller (leg 0) hung up.
    case caller
    /// A user hung up (see `endedByUser`).
    case user
    /// The other party, a number outside the company, hung up.
    case remote
    /// The engine ended it (timeouts, closed queue).
    case system
}

/// Why a caller joined a queue (`queue.caller.joined.cause`).
public enum QueueJoinCause: String, Sendable, Hashable, Codable {
    /// A call to the queue's main number.
    case incoming
    /// a user called the queue.
    case dialed
    /// a call was transferred to the queue.
    case transferred
    /// The caller's previous queue overflowed into this one.
    case overflow
}

/// Why a caller left a queue (`queue.caller.left.reason`).
public enum QueueLeaveReason: String, Sendable, Hashable, Codable {
    /// A member answered (automatic offer or WAIT-3 pickup).
    case answered
    /// The caller hung up while waiting.
    case abandoned
    /// Max wait passed; the queue's `afterMaxWait` applies (voicemail or hang-up).
    case maxWait
    /// Max wait passed; the caller moved to the overflow queue.
    case overflow
}

/// Why this member was offered the call (`queue.offer.ringing.rule`, WAIT-2, WAIT-3).
public enum OfferRule: String, Sendable, Hashable, Codable {
    /// The only free member not yet tried in this round.
    case onlyFreeMember
    /// The free member with the lowest priority number.
    case priority
    /// Several free members shared the lowest priority; this one was idle longest.
    case longestIdle
    /// WAIT-3: the member picked the call up by hand.
    case pickup
}

/// Why an offer was withdrawn (`queue.offer.rescinded.reason`).
public enum OfferRescindReason: String, Sendable, Hashable, Codable {
    /// The caller hung up.
    case callerHungUp
    /// Max wait passed.
    case maxWait
    /// The member logged out of the queue (by hand or by status, PROF-9).
    case memberLoggedOut
    /// Another member picked the call up by hand (WAIT-3).
    case pickedUp
}

/// Why an offer failed (`queue.offer.failed.reason`).
public enum OfferFailReason: String, Sendable, Hashable, Codable {
    /// The ring timeout passed.
    case noAnswer
    /// The member's phone rejected the call (or was unreachable).
    case rejected
}

/// Why a phone rings in a call (`call.ringing.reason`).
public enum RingReason: String, Sendable, Hashable, Codable {
    /// A direct call to a user (PROF-7 may ring two phones).
    case direct
    /// The user's own phone for their click-to-call (DIR-2, PHONE-1).
    case ownDevice
    /// The number a user dialed, once their own phone answered.
    case outbound
    /// The target of a transfer with or without return.
    case transfer
    /// The target of an assisted transfer.
    case consult
    /// The transferer again, after a transfer with return was not answered.
    case transferReturn
    /// PROF-6: the forwarding number.
    case forward
}

/// How a transfer ended (`call.transferred.outcome`).
public enum TransferOutcome: String, Sendable, Hashable, Codable {
    /// The caller is now with the target (or, for queues, waits in the queue).
    case completed
    /// Assisted: the transferer went back to the caller.
    case cancelled
    /// The target did not answer in time (with return: the call comes back).
    case noAnswer
    /// The target's phone rejected the call.
    case rejected
}

/// Why a call counts as missed (`call.missed.reason`).
public enum MissReason: String, Sendable, Hashable, Codable {
    /// The caller hung up before an answer.
    case abandoned
    /// Nobody answered and the call ended.
    case noAnswer
    /// The caller left (or could leave) a voicemail instead.
    case voicemail
    /// PA-1: the caller pressed nothing.
    case assistantNoInput
}

/// The caller's choice at the personal assistant (`assistant.choice.choice`, PA-1).
public enum AssistantChoice: String, Sendable, Hashable, Codable {
    /// Key 1: leave a message.
    case leaveMessage
    /// Key 2: ring the user anyway.
    case ringAnyway
    /// No key within the input timeout: the call ends.
    case noInput
}

/// Why a member was logged in or out of a queue (`member.queue.login.cause`).
public enum LoginCause: String, Sendable, Hashable, Codable {
    /// by hand.
    case manual
    /// PROF-9: by a status change.
    case status
    /// Logout only: an admin ended the membership, removed the user or removed the queue.
    case directory
}

/// Why a status changed (`user.status.changed.cause`).
public enum StatusChangeCause: String, Sendable, Hashable, Codable {
    /// A user set it (the user or, DIR-5, a team leader or admin).
    case manual
    /// Its "until" time passed; the user is Available again.
    case expired
}
