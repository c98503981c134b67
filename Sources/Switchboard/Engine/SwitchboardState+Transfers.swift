extension SwitchboardState {
    /// DIR-3, Q-3: transfer `by`'s connected call. Assisted: the caller goes on hold and the
    /// target rings for a consultation. With and without return: `by` leaves the call and
    /// the target rings; to a queue (only without return) the caller waits there.
    mutating func transfer(_ call: CallID, to target: DialTarget, kind: TransferKind, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        let active = try requireCall(call)
        guard active.phase == .connected, let byLeg = active.connectedLeg, active.legs[byLeg].user == by else {
            throw SwitchboardError(.notInCall, "\(by) is not the answering party of \(call)")
        }
        guard active.transfer == nil else { throw SwitchboardError(.invalidCallState, "\(call) is already being transferred") }
        let resolved = try resolve(target, by: by)
        switch resolved {
        case .queue(let queue) where kind != .withoutReturn:
            throw SwitchboardError(.invalidTarget, "a call can be transferred to queue \(queue) only without return")
        case .user(let user) where users[user]!.profile.answeringDevice == nil:
            throw SwitchboardError(.noDevice, "\(user) has no phone number")
        default:
            break
        }
        emit(.callTransferStarted(CallTransferStartedData(kind: kind, by: by, target: resolved)), call: call, into: &step)
        if kind == .assisted {
            if !active.held {
                calls[call]!.held = true
                send(.hold(LegID(call: call, index: 0)), into: &step)
                emit(.callHeld(CallHoldData(by: by)), call: call, into: &step)
            }
            calls[call]!.transfer = ActiveCall.Transfer(kind: kind, by: by, byLeg: byLeg, target: resolved, targetLeg: nil, answered: false)
            ringTransferTarget(call, resolved, role: .consult, reason: .consult, into: &step)
            return
        }
        endLeg(call, byLeg, hangUp: true, into: &step)
        calls[call]!.connectedLeg = nil
        calls[call]!.held = false
        if case .queue(let queue) = resolved {
            emit(.callTransferred(CallTransferredData(kind: kind, outcome: .completed, by: by, target: resolved, answeredBy: nil)),
                 call: call, into: &step)
            joinQueue(call, queue, cause: .transferred, from: nil, into: &step)
            return
        }
        calls[call]!.phase = .transferring
        calls[call]!.transfer = ActiveCall.Transfer(kind: kind, by: by, byLeg: byLeg, target: resolved, targetLeg: nil, answered: false)
        send(.play(LegID(call: call, index: 0), .waitingMusic), into: &step)
        ringTransferTarget(call, resolved, role: .transferTarget, reason: .transfer, into: &step)
    }

    private mutating func ringTransferTarget(_ call: CallID, _ target: DialTarget, role: Leg.Role, reason: RingReason, into step: inout Step) {
        switch target {
        case .user(let user):
            _ = ringUser(call, user, role: role, reason: reason, into: &step)
        case .number(let number):
            ring(call, number: number, user: nil, device: nil, role: role, callerID: calls[call]!.caller,
                 timeout: externalRingTimeout, reason: reason, into: &step)
        case .queue:
            break
        }
    }

    /// Assisted: the target answered; the transferer talks to them, the caller stays on hold.
    mutating func consultAnswered(_ call: CallID, _ index: Int, into step: inout Step) {
        guard let transfer = calls[call]!.transfer else { return }
        calls[call]!.transfer!.answered = true
        calls[call]!.transfer!.targetLeg = index
        send(.bridge(LegID(call: call, index: transfer.byLeg), LegID(call: call, index: index)), into: &step)
        emit(.callTransferAnswered(CallTransferAnsweredData(
            by: transfer.by, target: transfer.target, answeredBy: calls[call]!.legs[index].user)), call: call, into: &step)
    }

    /// Assisted: nobody answered the consultation, or the consulted party hung up: the
    /// transferer talks to the caller again.
    mutating func consultEnded(_ call: CallID, outcome: TransferOutcome, into step: inout Step) {
        guard let transfer = calls[call]!.transfer else { return }
        calls[call]!.transfer = nil
        calls[call]!.held = false
        emit(.callTransferred(CallTransferredData(
            kind: transfer.kind, outcome: outcome, by: transfer.by, target: transfer.target, answeredBy: nil)),
             call: call, into: &step)
        send(.bridge(LegID(call: call, index: 0), LegID(call: call, index: transfer.byLeg)), into: &step)
        emit(.callResumed(CallHoldData(by: transfer.by)), call: call, into: &step)
    }

    /// Assisted: the caller is connected to the consulted target; the transferer leaves.
    mutating func finishAssistedTransfer(_ call: CallID, targetLeg: Int, into step: inout Step) {
        guard let transfer = calls[call]!.transfer else { return }
        endLeg(call, transfer.byLeg, hangUp: true, into: &step)
        calls[call]!.transfer = nil
        connect(call, targetLeg, into: &step)
        emit(.callTransferred(CallTransferredData(
            kind: transfer.kind, outcome: .completed, by: transfer.by, target: transfer.target,
            answeredBy: calls[call]!.legs[targetLeg].user)), call: call, into: &step)
    }

    /// With or without return: the target answered and takes the caller.
    mutating func transferTargetAnswered(_ call: CallID, _ index: Int, into step: inout Step) {
        guard let transfer = calls[call]!.transfer else { return }
        calls[call]!.transfer = nil
        connect(call, index, into: &step)
        emit(.callTransferred(CallTransferredData(
            kind: transfer.kind, outcome: .completed, by: transfer.by, target: transfer.target,
            answeredBy: calls[call]!.legs[index].user)), call: call, into: &step)
    }

    /// With return: the call rings the transferer again. Without return: a user's voicemail
    /// (if they want one) takes the call, else it ends.
    mutating func transferTargetFailed(_ call: CallID, reason: OfferFailReason, into step: inout Step) {
        guard let transfer = calls[call]!.transfer else { return }
        calls[call]!.transfer = nil
        emit(.callTransferred(CallTransferredData(
            kind: transfer.kind, outcome: reason == .noAnswer ? .noAnswer : .rejected, by: transfer.by,
            target: transfer.target, answeredBy: nil)), call: call, into: &step)
        if transfer.kind == .withReturn {
            if ringUser(call, transfer.by, role: .transferReturn, reason: .transferReturn, into: &step) { return }
        } else if case .user(let user) = transfer.target, users[user]!.profile.settings.incoming.voicemailOnNoAnswer {
            enterVoicemail(call, .user(user), into: &step)
            return
        }
        endCall(call, endedBy: .system, user: nil, timedOut: true, into: &step)
    }

    /// DIR-3: assisted: connect the caller to the consulted target.
    mutating func completeTransfer(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let transfer = try assistedTransfer(of: call, by: by)
        guard transfer.answered, let target = transfer.targetLeg else {
            throw SwitchboardError(.invalidCallState, "the target of \(call)'s transfer has not answered")
        }
        finishAssistedTransfer(call, targetLeg: target, into: &step)
    }

    /// DIR-3: assisted: drop the target and talk to the caller again.
    mutating func cancelTransfer(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let transfer = try assistedTransfer(of: call, by: by)
        for index in calls[call]!.legs.indices where calls[call]!.legs[index].role == .consult {
            endLeg(call, index, hangUp: true, into: &step)
        }
        calls[call]!.pendingDevices = []
        calls[call]!.transfer = nil
        calls[call]!.held = false
        send(.bridge(LegID(call: call, index: 0), LegID(call: call, index: transfer.byLeg)), into: &step)
        emit(.callTransferred(CallTransferredData(
            kind: transfer.kind, outcome: .cancelled, by: by, target: transfer.target, answeredBy: nil)), call: call, into: &step)
        emit(.callResumed(CallHoldData(by: by)), call: call, into: &step)
    }

    private func assistedTransfer(of call: CallID, by: UserID) throws(SwitchboardError) -> ActiveCall.Transfer {
        _ = try requireUser(by)
        let active = try requireCall(call)
        guard let transfer = active.transfer, transfer.kind == .assisted else {
            throw SwitchboardError(.invalidCallState, "\(call) has no assisted transfer in progress")
        }
        guard transfer.by == by else { throw SwitchboardError(.notInCall, "\(by) is not transferring \(call)") }
        return transfer
    }
}
