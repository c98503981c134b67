extension SwitchboardState {
    /// A dial or transfer target as the engine uses it: a number of a colleague or a queue
    /// becomes that colleague or queue. Throws for unknown users and queues and for `by` itself.
    func resolve(_ target: DialTarget, by: UserID) throws(SwitchboardError) -> DialTarget {
        var resolved = target
        if case .number(let number) = target {
            switch numberPlan[number] {
            case .user(let user): resolved = .user(user)
            case .queue(let queue): resolved = .queue(queue)
            case nil: break
            }
        }
        switch resolved {
        case .user(let user):
            _ = try requireUser(user)
            guard user != by else { throw SwitchboardError(.invalidTarget, "\(by) cannot call or transfer to themself") }
        case .queue(let queue):
            _ = try requireQueue(queue)
        case .number:
            break
        }
        return resolved
    }

    /// The number a target is reached on, for caller IDs.
    func number(of target: DialTarget) -> PhoneNumber? {
        switch target {
        case .user(let user):
            let profile = users[user]!.profile
            return profile.answeringDevice.flatMap(profile.number(of:))
        case .queue(let queue): return queues[queue]!.definition.mainNumber
        case .number(let number): return number
        }
    }

    /// DIR-2, PHONE-1, Q-3: click-to-call. The user's own active phone (AV-2) rings first as
    /// leg 0; the target is called when it answers.
    mutating func dial(_ target: DialTarget, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let profile = try requireUser(by).profile
        guard let device = profile.activeDevice, let own = profile.number(of: device) else {
            throw SwitchboardError(.noDevice, "\(by) has no phone number to call from")
        }
        let resolved = try resolve(target, by: by)
        var display = own
        if case .queue(let queue) = profile.settings.displayNumber, let main = queues[queue]?.definition.mainNumber {
            display = main
        }
        let id = newCall(route: nil, caller: own, callerUser: by, phase: .ringingOwnDevice)
        calls[id]!.dialTarget = resolved
        calls[id]!.displayNumber = display
        let leg = LegID(call: id, index: 0)
        emit(.callOutgoing(CallOutgoingData(
            user: by, device: device, number: own, leg: leg, target: resolved, displayNumber: display)), call: id, into: &step)
        addLeg(to: id, number: own, user: by, device: device, role: .ownDevice, state: .ringing(since: clock))
        send(.ring(leg, number: own, callerID: number(of: resolved) ?? display), into: &step)
        timers.schedule(.ringTimeout(leg), at: clock + ownDeviceRingTimeout)
    }

    /// The user's own phone answered their click-to-call: call the target.
    mutating func placeDialedCall(_ call: CallID, into step: inout Step) {
        switch calls[call]!.dialTarget! {
        case .queue(let queue):
            joinQueue(call, queue, cause: .dialed, from: nil, into: &step)
        case .user(let user):
            calls[call]!.directUser = user
            startDirectCall(call, to: user, into: &step)
        case .number(let number):
            calls[call]!.phase = .ringing
            ring(call, number: number, user: nil, device: nil, role: .outbound, callerID: calls[call]!.displayNumber!,
                 timeout: externalRingTimeout, reason: .outbound, into: &step)
        }
    }
}
