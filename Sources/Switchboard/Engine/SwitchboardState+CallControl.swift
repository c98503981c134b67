extension SwitchboardState {
    /// The leg a user holds (the other party's) in a connected call, or nil if they are not a party.
    private func otherParty(of by: UserID, in call: ActiveCall) -> Int? {
        guard let connected = call.connectedLeg else { return nil }
        if call.legs[connected].user == by { return 0 }
        if call.legs[0].user == by { return connected }
        return nil
    }

    /// Puts the other party on hold.
    mutating func hold(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        let active = try requireCall(call)
        guard active.phase == .connected, let held = otherParty(of: by, in: active) else {
            throw SwitchboardError(.notInCall, "\(by) is not talking in \(call)")
        }
        guard !active.held, active.transfer == nil else { throw SwitchboardError(.invalidCallState, "\(call) is already on hold") }
        calls[call]!.held = true
        send(.hold(LegID(call: call, index: held)), into: &step)
        emit(.callHeld(CallHoldData(by: by)), call: call, into: &step)
    }

    /// Takes the other party off hold.
    mutating func resume(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        let active = try requireCall(call)
        guard active.phase == .connected, let connected = active.connectedLeg, otherParty(of: by, in: active) != nil else {
            throw SwitchboardError(.notInCall, "\(by) is not talking in \(call)")
        }
        guard active.held, active.transfer == nil else { throw SwitchboardError(.invalidCallState, "\(call) is not on hold") }
        calls[call]!.held = false
        send(.bridge(LegID(call: call, index: 0), LegID(call: call, index: connected)), into: &step)
        emit(.callResumed(CallHoldData(by: by)), call: call, into: &step)
    }

    /// `by` hangs up their leg from the console (a ringing offer counts as rejected).
    mutating func hangUp(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        let active = try requireCall(call)
        guard let index = active.legs.indices.first(where: { active.legs[$0].user == by && !active.legs[$0].isEnded }) else {
            throw SwitchboardError(.notInCall, "\(by) has no phone in \(call)")
        }
        let leg = LegID(call: call, index: index)
        send(.hangUp(leg), into: &step)
        if index == 0 || !active.legs[index].isRinging {
            try legHungUp(leg, into: &step)
        } else {
            ringFailed(call, index, reason: .rejected, into: &step)
        }
    }
}
