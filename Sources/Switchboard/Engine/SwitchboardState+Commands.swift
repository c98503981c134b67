extension SwitchboardState {
    /// Validates and applies one command. Every path checks everything it needs before its
    /// first change, so a thrown error leaves the state untouched.
    mutating func apply(_ command: SwitchboardCommand, into step: inout Step) throws(SwitchboardError) {
        switch command {
        case .telephony(let signal):
            try applySignal(signal, into: &step)
        case .setAvailability(let user, let availability, let by):
            try setAvailability(of: user, to: availability, by: by, into: &step)
        case .updateSettings(let user, let settings, let by):
            try updateSettings(of: user, to: settings, by: by, into: &step)
        case .logIn(let user, let queue, let by):
            try logIn(user, to: queue, by: by, into: &step)
        case .logOut(let user, let queue, let by):
            try logOut(user, of: queue, by: by, into: &step)
        case .dial(let target, let by):
            try dial(target, by: by, into: &step)
        case .pickUp(let call, let by):
            try pickUp(call, by: by, into: &step)
        case .hold(let call, let by):
            try hold(call, by: by, into: &step)
        case .resume(let call, let by):
            try resume(call, by: by, into: &step)
        case .transfer(let call, let target, let kind, let by):
            try transfer(call, to: target, kind: kind, by: by, into: &step)
        case .completeTransfer(let call, let by):
            try completeTransfer(call, by: by, into: &step)
        case .cancelTransfer(let call, let by):
            try cancelTransfer(call, by: by, into: &step)
        case .hangUp(let call, let by):
            try hangUp(call, by: by, into: &step)
        case .addComment(let number, let text, let by):
            try addComment(on: number, text: text, by: by, into: &step)
        case .markCalledBack(let call, let by):
            try markCalledBack(call, by: by, into: &step)
        case .administer(let change, let by):
            try administer(change, by: by, into: &step)
        }
    }

    private mutating func applySignal(_ signal: TelephonySignal, into step: inout Step) throws(SwitchboardError) {
        switch signal {
        case .arrived(let from, let to):
            try arrive(from: from, to: to, into: &step)
        case .answered(let leg):
            try legAnswered(leg, into: &step)
        case .hungUp(let leg):
            try legHungUp(leg, into: &step)
        case .dtmf(let leg, let digit):
            try keyPressed(digit, on: leg, into: &step)
        }
    }

    // MARK: Checks shared by the commands

    func requireUser(_ id: UserID) throws(SwitchboardError) -> UserState {
        guard let user = users[id] else { throw SwitchboardError(.unknownUser, "no user \"\(id)\" in \(tenant)") }
        return user
    }

    func requireQueue(_ id: QueueID) throws(SwitchboardError) -> QueueState {
        guard let queue = queues[id] else { throw SwitchboardError(.unknownQueue, "no queue \"\(id)\" in \(tenant)") }
        return queue
    }

    func requireCall(_ id: CallID) throws(SwitchboardError) -> ActiveCall {
        if let call = calls[id] { return call }
        if id.number >= 1, id.number <= lastCallNumber { throw SwitchboardError(.callEnded, "\(id) has ended") }
        throw SwitchboardError(.unknownCall, "no call \(id) in \(tenant)")
    }

    func requireLeg(_ id: LegID) throws(SwitchboardError) -> (ActiveCall, Leg) {
        let call = try requireCall(id.call)
        guard call.legs.indices.contains(id.index), !call.legs[id.index].isEnded else {
            throw SwitchboardError(.unknownLeg, "\(id) is not a live leg")
        }
        return (call, call.legs[id.index])
    }

    /// AV-1, DIR-5, Q-2: users act on themselves; team leaders and admins on anyone.
    func authorize(_ by: UserID, toChange user: UserID, minimumRole: UserRole = .teamLeader) throws(SwitchboardError) {
        let actor = try requireUser(by)
        guard by == user || actor.profile.role >= minimumRole else {
            throw SwitchboardError(.notAuthorized, "\(by) (\(actor.profile.role.rawValue)) may not change \(user)")
        }
    }
}
