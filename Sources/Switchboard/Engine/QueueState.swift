/// What the engine knows about a queue beyond its definition: who is logged in, who waits.
struct QueueState: Sendable, Hashable, Codable {
    /// The definition in force, with the members.
    var definition: CallQueue
    /// Each member's slot in `SwitchboardState.activity`, in the order of `members`.
    var memberSlots: [Int]
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
        self.definition = definition
        self.memberSlots = memberSlots
        loggedIn = []
        memberLoggedIn = Array(repeating: false, count: definition.members.count)
        waiting = []
        offering = []
        lastAnsweredWaitMs = nil
    }

    /// Members in configured order (members added later at the end), with their priorities.
    var members: [QueueMember] { definition.members }

    /// Adds `member`, whose user has `slot`, after the others (not logged in), or changes the
    /// priority of a member.
    mutating func setMember(_ member: QueueMember, slot: Int) {
        guard let position = members.firstIndex(where: { $0.user == member.user }) else {
            definition.members.append(member)
            memberSlots.append(slot)
            memberLoggedIn.append(false)
            return
        }
        definition.members[position].priority = member.priority
    }

    /// Removes a member who is logged out.
    mutating func removeMember(_ user: UserID) {
        let position = members.firstIndex { $0.user == user }!
        definition.members.remove(at: position)
        memberSlots.remove(at: position)
        memberLoggedIn.remove(at: position)
    }
}
