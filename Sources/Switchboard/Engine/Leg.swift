/// One leg of an active call, as the engine tracks it.
struct Leg: Sendable, Hashable, Codable {
    /// Why the leg exists; decides what its answer, hang-up or ring timeout means.
    enum Role: Sendable, Hashable, Codable {
        /// Leg 0 of an arrived call: the caller.
        case caller
        /// Leg 0 of a click-to-call: the dialing user's own phone.
        case ownDevice
        /// A queue offer (automatic or WAIT-3 pickup) to a member.
        case offer(QueueID)
        /// A direct call's ringing of the called user (PROF-7: one of their phones).
        case direct
        /// The number a click-to-call dialed.
        case outbound
        /// PROF-6 forwarding.
        case forward
        /// The target of an assisted transfer.
        case consult
        /// The target of a transfer with or without return.
        case transferTarget
        /// The transferer rung again after a transfer with return was not answered.
        case transferReturn
    }

    /// Where the leg is in its life.
    enum State: Sendable, Hashable, Codable {
        case ringing(since: Timestamp)
        case up(since: Timestamp)
        case ended
    }

    let index: Int
    let number: PhoneNumber
    let user: UserID?
    let device: Device?
    let role: Role
    var state: State

    var isRinging: Bool { if case .ringing = state { true } else { false } }
    var isUp: Bool { if case .up = state { true } else { false } }
    var isEnded: Bool { state == .ended }
}
