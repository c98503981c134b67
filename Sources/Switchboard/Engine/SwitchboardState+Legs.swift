/// How long a user's own phone rings for their click-to-call.
let ownDeviceRingTimeout = Duration.seconds(30)
/// How long a number outside the company rings (outgoing calls, transfers to numbers).
let externalRingTimeout = Duration.seconds(60)

extension SwitchboardState {
    // MARK: Creating and ending legs

    /// Starts a call and returns its id.
    mutating func newCall(route: CallRoute?, caller: PhoneNumber, callerUser: UserID?, phase: ActiveCall.Phase) -> CallID {
        lastCallNumber += 1
        let id = CallID(number: lastCallNumber)
        calls[id] = ActiveCall(id: id, route: route, caller: caller, callerUser: callerUser, startedAt: clock, phase: phase)
        return id
    }

    /// Adds a leg to a call (and to its user's phones in use); returns its index.
    @discardableResult
    mutating func addLeg(
        to call: CallID, number: PhoneNumber, user: UserID?, device: Device?, role: Leg.Role, state: Leg.State
    ) -> Int {
        let index = calls[call]!.legs.count
        calls[call]!.legs.append(Leg(index: index, number: number, user: user, device: device, role: role, state: state))
        if let user { activity[slot(user)].legs.append(LegID(call: call, index: index)) }
        return index
    }

    /// Rings `number` on a new leg with a ring timeout; emits `call.ringing` when `reason` is given.
    @discardableResult
    mutating func ring(
        _ call: CallID, number: PhoneNumber, user: UserID?, device: Device?, role: Leg.Role,
        callerID: PhoneNumber, timeout: Duration, reason: RingReason?, into step: inout Step
    ) -> Int {
        let index = addLeg(to: call, number: number, user: user, device: device, role: role, state: .ringing(since: clock))
        let leg = LegID(call: call, index: index)
        if let reason {
            emit(.callRinging(CallRingingData(
                leg: leg, number: number, user: user, device: device, reason: reason,
                ringTimeoutMs: timeout.wholeMilliseconds)), call: call, into: &step)
        }
        send(.ring(leg, number: number, callerID: callerID), into: &step)
        timers.schedule(.ringTimeout(leg), at: clock + timeout)
        return index
    }

    /// Rings `user`'s phones per PROF-7 (both at once, or the answering phone first and the
    /// other after a ring timeout). Returns false if the user has no phone.
    mutating func ringUser(_ call: CallID, _ user: UserID, role: Leg.Role, reason: RingReason, into step: inout Step) -> Bool {
        let profile = users[user]!.profile
        let (devices, together) = profile.ringingDevices
        guard let first = devices.first else { return false }
        calls[call]!.pendingDevices = together ? [] : Array(devices.dropFirst())
        for device in together ? devices : [first] {
            ring(call, number: profile.number(of: device)!, user: user, device: device, role: role,
                 callerID: calls[call]!.caller, timeout: profile.settings.incoming.ringTimeout, reason: reason, into: &step)
        }
        return true
    }

    /// Ends a leg; with `hangUp`, tells the platform to end it too.
    mutating func endLeg(_ call: CallID, _ index: Int, hangUp: Bool, into step: inout Step) {
        let leg = calls[call]!.legs[index]
        guard !leg.isEnded else { return }
        calls[call]!.legs[index].state = .ended
        let id = LegID(call: call, index: index)
        if hangUp { send(.hangUp(id), into: &step) }
        if let user = leg.user { release(user, leg: id, wasUp: leg.isUp, role: leg.role, into: &step) }
    }

    /// A user's phone is free of a leg: start wrap-up after a queue call; a member who is
    /// free again gets their queues re-dispatched.
    mutating func release(_ user: UserID, leg: LegID, wasUp: Bool, role: Leg.Role, into step: inout Step) {
        let slot = slot(user)
        if let position = activity[slot].legs.firstIndex(of: leg) { activity[slot].legs.remove(at: position) }
        if wasUp, case .offer(let queue) = role, let wrapUp = queues[queue]?.definition.wrapUp, wrapUp > .zero {
            let until = clock + wrapUp
            activity[slot].wrapUp = UserActivity.WrapUp(queue: queue, until: until)
            timers.schedule(.wrapUpEnd(user), at: until)
        }
        guard activity[slot].legs.isEmpty, activity[slot].wrapUp == nil else { return }
        if wasUp { activity[slot].idleSince = clock }
        step.queuesToDispatch.append(contentsOf: users[user]!.loggedIn)
    }

    /// True if one of `user`'s phones is in a call (not just ringing).
    func isInCall(_ user: UserID) -> Bool {
        activity[slot(user)].legs.contains { calls[$0.call]?.legs[$0.index].isUp == true }
    }

    /// Ends every other ringing leg of `role` (PROF-7: the first phone to answer wins).
    mutating func endOtherRinging(_ call: CallID, except index: Int, into step: inout Step) {
        let role = calls[call]!.legs[index].role
        for other in calls[call]!.ringingLegs(where: { $0 == role }) where other != index {
            endLeg(call, other, hangUp: true, into: &step)
        }
        calls[call]!.pendingDevices = []
    }

    /// Bridges the caller with leg `index`; the first time, the call counts as answered.
    mutating func connect(_ call: CallID, _ index: Int, into step: inout Step) {
        let leg = calls[call]!.legs[index]
        calls[call]!.phase = .connected
        calls[call]!.connectedLeg = index
        calls[call]!.held = false
        send(.bridge(LegID(call: call, index: 0), LegID(call: call, index: index)), into: &step)
        guard calls[call]!.answeredAt == nil else { return }
        calls[call]!.answeredAt = clock
        calls[call]!.answeredBy = leg.user
        var queue: QueueID?
        if case .offer(let offered) = leg.role { queue = offered }
        emit(.callAnswered(CallAnsweredData(
            answeredBy: leg.user, number: leg.number, leg: LegID(call: call, index: index), queue: queue,
            waitMs: clock.milliseconds(since: calls[call]!.startedAt))), call: call, into: &step)
    }

    // MARK: Signals about legs

    mutating func legAnswered(_ id: LegID, into step: inout Step) throws(SwitchboardError) {
        let (call, leg) = try requireLeg(id)
        guard leg.isRinging else { throw SwitchboardError(.invalidCallState, "\(id) is not ringing") }
        calls[call.id]!.legs[id.index].state = .up(since: clock)
        switch leg.role {
        case .caller:
            break
        case .ownDevice:
            placeDialedCall(call.id, into: &step)
        case .offer(let queue):
            offerAnswered(call.id, id.index, queue: queue, into: &step)
        case .direct, .outbound, .forward:
            endOtherRinging(call.id, except: id.index, into: &step)
            connect(call.id, id.index, into: &step)
        case .consult:
            endOtherRinging(call.id, except: id.index, into: &step)
            consultAnswered(call.id, id.index, into: &step)
        case .transferTarget:
            endOtherRinging(call.id, except: id.index, into: &step)
            transferTargetAnswered(call.id, id.index, into: &step)
        case .transferReturn:
            endOtherRinging(call.id, except: id.index, into: &step)
            connect(call.id, id.index, into: &step)
            emit(.callTransferReturned(CallTransferReturnedData(to: leg.user!, leg: id)), call: call.id, into: &step)
        }
    }

    mutating func legHungUp(_ id: LegID, into step: inout Step) throws(SwitchboardError) {
        let (call, leg) = try requireLeg(id)
        if id.index == 0 {
            calls[call.id]!.legs[0].state = .ended
            if let user = leg.user { release(user, leg: id, wasUp: leg.isUp, role: leg.role, into: &step) }
            let ender: CallEnder = leg.role == .ownDevice ? .user : .caller
            endCall(call.id, endedBy: ender, user: leg.role == .ownDevice ? leg.user : nil, timedOut: false, into: &step)
        } else if leg.isRinging {
            ringFailed(call.id, id.index, reason: .rejected, into: &step)
        } else {
            partyLeft(call.id, id.index, hangUpLeg: false, into: &step)
        }
    }

    /// Ring timeout of a leg that still rings.
    mutating func ringTimedOut(_ id: LegID, into step: inout Step) {
        guard let call = calls[id.call], call.legs.indices.contains(id.index), call.legs[id.index].isRinging else { return }
        ringFailed(id.call, id.index, reason: .noAnswer, into: &step)
    }

    /// A ringing leg was not answered (timeout) or was rejected: what that means depends on
    /// why it rang.
    mutating func ringFailed(_ call: CallID, _ index: Int, reason: OfferFailReason, into step: inout Step) {
        let leg = calls[call]!.legs[index]
        let ringMs: Int64 = if case .ringing(let since) = leg.state { clock.milliseconds(since: since) } else { 0 }
        endLeg(call, index, hangUp: reason == .noAnswer, into: &step)
        switch leg.role {
        case .caller:
            break
        case .offer(let queue):
            if let entry = calls[call]!.queueEntry, entry.offerLeg != nil {
                queues[entry.queue]!.offering.removeAll { $0 == call }
            }
            calls[call]!.queueEntry?.offerLeg = nil
            emit(.queueOfferFailed(QueueOfferFailedData(
                queue: queue, user: leg.user!, leg: LegID(call: call, index: index), reason: reason, ringMs: ringMs)),
                 call: call, into: &step)
            step.queuesToDispatch.append(queue)
        case .ownDevice:
            endCall(call, endedBy: reason == .noAnswer ? .system : .user, user: reason == .noAnswer ? nil : leg.user,
                    timedOut: true, into: &step)
        case .outbound, .forward:
            endCall(call, endedBy: reason == .noAnswer ? .system : .remote, user: nil, timedOut: true, into: &step)
        case .direct, .consult, .transferTarget, .transferReturn:
            guard calls[call]!.ringingLegs(where: { $0 == leg.role }).isEmpty else { return }
            if let user = leg.user, !calls[call]!.pendingDevices.isEmpty {
                let device = calls[call]!.pendingDevices.removeFirst()
                let profile = users[user]!.profile
                let reasonToRing: RingReason = switch leg.role {
                case .consult: .consult
                case .transferTarget: .transfer
                case .transferReturn: .transferReturn
                default: .direct
                }
                ring(call, number: profile.number(of: device)!, user: user, device: device, role: leg.role,
                     callerID: calls[call]!.caller, timeout: profile.settings.incoming.ringTimeout, reason: reasonToRing, into: &step)
                return
            }
            nobodyAnswered(call, role: leg.role, reason: reason, into: &step)
        }
    }

    /// Every phone rung for `role` failed.
    private mutating func nobodyAnswered(_ call: CallID, role: Leg.Role, reason: OfferFailReason, into step: inout Step) {
        switch role {
        case .direct:
            directCallNotAnswered(call, into: &step)
        case .consult:
            consultEnded(call, outcome: reason == .noAnswer ? .noAnswer : .rejected, into: &step)
        case .transferTarget:
            transferTargetFailed(call, reason: reason, into: &step)
        default:
            endCall(call, endedBy: .system, user: nil, timedOut: true, into: &step)
        }
    }

    /// A party other than the caller hung up a leg that was up.
    mutating func partyLeft(_ call: CallID, _ index: Int, hangUpLeg: Bool, into step: inout Step) {
        let leg = calls[call]!.legs[index]
        if let transfer = calls[call]!.transfer {
            if index == transfer.byLeg {
                endLeg(call, index, hangUp: hangUpLeg, into: &step)
                if transfer.answered, let target = transfer.targetLeg {
                    finishAssistedTransfer(call, targetLeg: target, into: &step)
                } else {
                    endCall(call, endedBy: .user, user: leg.user, timedOut: false, into: &step)
                }
                return
            }
            if index == transfer.targetLeg {
                endLeg(call, index, hangUp: hangUpLeg, into: &step)
                consultEnded(call, outcome: .cancelled, into: &step)
                return
            }
        }
        endLeg(call, index, hangUp: hangUpLeg, into: &step)
        if index == calls[call]!.connectedLeg {
            endCall(call, endedBy: leg.user == nil ? .remote : .user, user: leg.user, timedOut: false, into: &step)
        }
    }
}
