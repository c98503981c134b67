/// A call in progress: its legs, where it is in its life, and what the call log will need
/// when it ends. Ended calls leave the engine's state (the log keeps them).
struct ActiveCall: Sendable, Hashable, Codable {
    /// Where the call is in its life.
    enum Phase: Sendable, Hashable, Codable {
        /// Click-to-call: the user's own phone (leg 0) rings.
        case ringingOwnDevice
        /// Waiting in `queueEntry.queue`, perhaps with an offer ringing.
        case queued
        /// Ringing a user's phones or a number; `pendingDevices` ring next (PROF-7).
        case ringing
        /// PA-1: the personal assistant of the user plays; waiting for a key until the time given.
        case assistant(UserID, until: Timestamp)
        /// Leg 0 is bridged with `connectedLeg` (or on hold, or in a transfer).
        case connected
        /// The caller is leaving a message since the time given.
        case voicemail(Mailbox, since: Timestamp)
        /// A transfer with or without return rings its target; nobody talks to the caller.
        case transferring
    }

    /// The caller's stay in one queue.
    struct QueueEntry: Sendable, Hashable, Codable {
        let queue: QueueID
        let joinedAt: Timestamp
        let number: Int
        var offerLeg: Int?
        var attempt: Int
        var tried: [UserID]
    }

    /// A transfer in progress (DIR-3).
    struct Transfer: Sendable, Hashable, Codable {
        let kind: TransferKind
        let by: UserID
        let byLeg: Int
        let target: DialTarget
        var targetLeg: Int?
        var answered: Bool
    }

    let id: CallID
    var seq: Int
    let route: CallRoute?
    let caller: PhoneNumber
    let callerUser: UserID?
    let startedAt: Timestamp
    var legs: [Leg]
    var phase: Phase
    var connectedLeg: Int?
    var held: Bool
    var answeredAt: Timestamp?
    var answeredBy: UserID?
    var firstQueue: QueueID?
    var waitingSince: Timestamp?
    var queueEntry: QueueEntry?
    var visitedQueues: [QueueID]
    var directUser: UserID?
    var pendingDevices: [Device]
    var forwarded: Bool
    var transfer: Transfer?
    var dialTarget: DialTarget?
    var displayNumber: PhoneNumber?
    var queueEntries: Int

    init(id: CallID, route: CallRoute?, caller: PhoneNumber, callerUser: UserID?, startedAt: Timestamp, phase: Phase) {
        self.id = id
        seq = 0
        self.route = route
        self.caller = caller
        self.callerUser = callerUser
        self.startedAt = startedAt
        legs = []
        self.phase = phase
        connectedLeg = nil
        held = false
        answeredAt = nil
        answeredBy = nil
        firstQueue = nil
        waitingSince = nil
        queueEntry = nil
        visitedQueues = []
        directUser = nil
        pendingDevices = []
        forwarded = false
        transfer = nil
        dialTarget = nil
        displayNumber = nil
        queueEntries = 0
    }

    /// Counts one more event of the call and returns its callSeq.
    mutating func takeNextSeq() -> Int {
        seq += 1
        return seq
    }

    /// Indices of the legs still ringing with `role`.
    func ringingLegs(where role: (Leg.Role) -> Bool) -> [Int] {
        legs.indices.filter { legs[$0].isRinging && role(legs[$0].role) }
    }
}
