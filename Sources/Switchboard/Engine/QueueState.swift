/// What the engine knows about a queue beyond its definition: who is logged in, who waits.
///
/// The definition and the member slots are constants that only a change of the directory
/// replaces, by replacing the whole value: distribution reads them on every offer, and as
/// constants they are read without copying the queue (as variables, bench-engine ran 0.7 %
/// more instructions).
struct QueueState: Sendable, Hashable, Codable {
    /// The definition in force, with the members.
    let definition: CallQueue
    /// Each member's slot in `SwitchboardState.activity`, in the order of `members`.
    let memberSlots: [Int]
    var loggedIn: Set<UserID>
    /// Whether each member is logged in, in the order of `members` (mirrors `loggedIn`).
    var memberLoggedIn: [Bool]
    /// Waiting calls, longest-waiting first (by the time they started waiting in any queue).
    var waiting: [CallID]
    /// Waiting calls with an offer ringing (those whose queue entry has an `offerLeg`).
    var offering: [CallID]
    /// milliseconds the last answered call waited.
    var lastAnsweredWaitMs: Int64?

    /// A queue nobody is logged into and nobody waits in; `memberSlots` as in the property.
    init(definition: CallQueue, memberSlots: [Int]) {
        self.init(
            definition: definition, memberSlots: memberSlots, loggedIn: [],
            memberLoggedIn: Array(repeating: false, count: definition.members.count), waiting: [], offering: [],
            lastAnsweredWaitMs: nil)
    }

    private init(
        definition: CallQueue, memberSlots: [Int], loggedIn: Set<UserID>, memberLoggedIn: [Bool], waiting: [CallID],
        offering: [CallID], lastAnsweredWaitMs: Int64?
    ) {
        self.definition = definition
        self.memberSlots = memberSlots
        self.loggedIn = loggedIn
        self.memberLoggedIn = memberLoggedIn
        self.waiting = waiting
        self.offering = offering
        self.lastAnsweredWaitMs = lastAnsweredWaitMs
    }

    /// Members in configured order (members added later at the end), with their priorities.
    var members: [QueueMember] { definition.members }

    /// Replaces the definition, keeping logins and waiting callers; members, slots and login
    /// flags are the current ones unless given.
    mutating func redefine(_ definition: CallQueue, memberSlots: [Int]? = nil, memberLoggedIn: [Bool]? = nil) {
        self = QueueState(
            definition: definition, memberSlots: memberSlots ?? self.memberSlots, loggedIn: loggedIn,
            memberLoggedIn: memberLoggedIn ?? self.memberLoggedIn, waiting: waiting, offering: offering,
            lastAnsweredWaitMs: lastAnsweredWaitMs)
    }

    /// Adds `member`, whose user has `slot`, after the others (not logged in), or changes the
    /// priority of a member.
    mutating func setMember(_ member: QueueMember, slot: Int) {
        var changed = definition
        guard let position = members.firstIndex(where: { $0.user == member.user }) else {
            changed.members.append(member)
            redefine(changed, memberSlots: memberSlots + [slot], memberLoggedIn: memberLoggedIn + [false])
            return
        }
        changed.members[position].priority = member.priority
        redefine(changed)
    }

    /// Removes a member who is logged out.
    mutating func removeMember(_ user: UserID) {
        let position = members.firstIndex { $0.user == user }!
        var changed = definition
        changed.members.remove(at: position)
        var slots = memberSlots
        slots.remove(at: position)
        var flags = memberLoggedIn
        flags.remove(at: position)
        redefine(changed, memberSlots: slots, memberLoggedIn: flags)
    }
}
