/// The whole state of one company's switchboard as a plain value, and its reducer.
///
/// `handle(_:at:)` applies one command; `advance(to:)` fires the timers due by a time.
/// Both return the events and telephony commands they produced. Nothing else changes the
/// state, the engine reads no clock and does no I/O, and ids come from counters kept in the
/// state, so the same directory, start time and sequence of calls give the same events,
/// byte for byte. A refused command throws `SwitchboardError` and leaves the state as it
/// was. The state is `Codable` for snapshots and `Equatable` to compare a restored state
/// with the original.
public struct SwitchboardState: Sendable, Hashable, Codable {
    /// The company; every event carries it.
    let tenant: TenantID
    /// The company's name.
    let companyName: String
    /// The company's default language.
    let companyLanguage: Language
    /// The engine's time: the latest time a command or `advance(to:)` brought. Never goes back.
    public internal(set) var clock: Timestamp

    var users: SlotTable<UserID, UserState>
    /// Each user's slot in `activity`: their position in the directory (0, 1, 2, … with no gaps).
    var userSlots: [UserID: Int]
    /// The users' hot state, by slot.
    var activity: [UserActivity]
    var queues: SlotTable<QueueID, QueueState>
    /// Each queue's position in the directory (0, 1, 2, … with no gaps), for directory-ordered iteration.
    var queueOrder: [QueueID: Int]
    var calls: SlotTable<CallID, ActiveCall>
    /// Who owns each number: a user or a queue.
    var numberPlan: [PhoneNumber: NumberOwner]
    var timers: TimerQueue
    var comments: [PhoneNumber: [CallerComment]]
    /// LOG-3: missed calls not yet called back, with their last callSeq.
    var missedCalls: [CallID: MissedCall]
    var lastCallNumber: UInt64
    var lastEventNumber: UInt64
    var lastCommentNumber: Int

    enum NumberOwner: Sendable, Hashable, Codable {
        case user(UserID)
        case queue(QueueID)
    }

    struct MissedCall: Sendable, Hashable, Codable {
        let number: PhoneNumber
        let lastSeq: Int
    }

    /// A fresh switchboard at `start`: everyone Available, nobody logged into any queue, no calls.
    public init(directory: TenantDirectory, start: Timestamp) {
        tenant = directory.tenant
        companyName = directory.name
        companyLanguage = directory.language
        clock = start
        var memberships: [UserID: [QueueID]] = [:]
        var userSlots: [UserID: Int] = [:]
        for (slot, user) in directory.users.enumerated() { userSlots[user.id] = slot }
        var queues = SlotTable<QueueID, QueueState>()
        var queueOrder: [QueueID: Int] = [:]
        var numberPlan: [PhoneNumber: NumberOwner] = [:]
        for (position, queue) in directory.queues.enumerated() {
            queueOrder[queue.id] = position
            numberPlan[queue.mainNumber] = .queue(queue.id)
            queues[queue.id] = QueueState(definition: queue, memberSlots: queue.members.map { userSlots[$0.user]! })
            for member in queue.members { memberships[member.user, default: []].append(queue.id) }
        }
        var users = SlotTable<UserID, UserState>()
        for user in directory.users {
            for number in [user.mobile, user.ipNumber].compactMap(\.self) { numberPlan[number] = .user(user.id) }
            users[user.id] = UserState(
                profile: user, availability: .available, memberships: memberships[user.id] ?? [], loggedIn: [],
                rememberedQueues: nil)
        }
        self.users = users
        self.userSlots = userSlots
        activity = directory.users.map { UserActivity(legs: [], wrapUp: nil, idleSince: start, hasActiveDevice: $0.activeDevice != nil) }
        self.queues = queues
        self.queueOrder = queueOrder
        self.numberPlan = numberPlan
        calls = SlotTable()
        timers = TimerQueue()
        comments = [:]
        missedCalls = [:]
        lastCallNumber = 0
        lastEventNumber = 0
        lastCommentNumber = 0
    }

    /// The time of the next timer, if any: call `advance(to:)` no later than that.
    public var nextTimerDue: Timestamp? { timers.nextDue }

    /// Applies `command` at `now` (clamped to never go back) and returns what it produced.
    /// Timers are not fired here: call `advance(to:)` first to let time pass.
    public mutating func handle(_ command: SwitchboardCommand, at now: Timestamp) throws(SwitchboardError) -> SwitchboardEffects {
        let previousClock = clock
        clock = max(clock, now)
        var step = Step()
        do {
            try apply(command, into: &step)
        } catch {
            clock = previousClock
            throw error
        }
        settle(&step)
        return step.effects
    }

    /// Fires, in order, every timer due at or before `now`, each at its due time, then sets
    /// the clock to `now` (if later).
    public mutating func advance(to now: Timestamp) -> SwitchboardEffects {
        var step = Step()
        while let timer = timers.popDue(notAfter: now) {
            clock = max(clock, timer.due)
            fire(timer, into: &step)
            settle(&step)
        }
        clock = max(clock, now)
        return step.effects
    }
}

/// The effects of a command in the making, and the queues whose distribution must be
/// re-run before the command returns.
struct Step {
    var effects = SwitchboardEffects()
    var queuesToDispatch: [QueueID] = []
}

extension SwitchboardState {
    /// Records an event; call events get the call's next callSeq.
    mutating func emit(_ payload: EventPayload, call: CallID? = nil, into step: inout Step) {
        lastEventNumber += 1
        let callSeq = call.map { calls[$0]!.takeNextSeq() }
        step.effects.events.append(SwitchboardEvent(
            id: "\(tenant.rawValue):\(lastEventNumber)", tenant: tenant, occurredAt: clock,
            callID: call, callSeq: callSeq, payload: payload))
    }

    /// Records an event of a call that has ended (LOG-3) with the given callSeq.
    mutating func emit(_ payload: EventPayload, endedCall call: CallID, callSeq: Int, into step: inout Step) {
        lastEventNumber += 1
        step.effects.events.append(SwitchboardEvent(
            id: "\(tenant.rawValue):\(lastEventNumber)", tenant: tenant, occurredAt: clock,
            callID: call, callSeq: callSeq, payload: payload))
    }

    /// The slot in `activity` of a user of the directory.
    func slot(_ user: UserID) -> Int { userSlots[user]! }

    /// The queues' ids in directory order.
    var queueIDsInOrder: [QueueID] { queueOrder.keys.sorted { queueOrder[$0]! < queueOrder[$1]! } }

    /// Where `queue` goes in `list`, a list of queues in directory order.
    func position(for queue: QueueID, in list: [QueueID]) -> Int {
        let order = queueOrder[queue]!
        return list.firstIndex { queueOrder[$0]! > order } ?? list.count
    }

    func send(_ command: TelephonyCommand, into step: inout Step) {
        step.effects.telephony.append(command)
    }

    /// Runs distribution for every queue that may have a free member and a waiting caller.
    mutating func settle(_ step: inout Step) {
        while !step.queuesToDispatch.isEmpty {
            let queues = step.queuesToDispatch
            step.queuesToDispatch.removeAll()
            dispatch(queues, into: &step)
        }
    }
}
