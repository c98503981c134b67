extension SwitchboardState {
    // MARK: Waiting in a queue (WAIT-1)

    /// The caller starts waiting in `queue`, ordered by the time they first started waiting
    /// in any queue; max wait starts now.
    mutating func joinQueue(_ call: CallID, _ queue: QueueID, cause: QueueJoinCause, from previous: QueueID?, into step: inout Step) {
        let definition = queues[queue]!.definition
        calls[call]!.phase = .queued
        calls[call]!.queueEntries += 1
        if calls[call]!.firstQueue == nil { calls[call]!.firstQueue = queue }
        calls[call]!.visitedQueues.append(queue)
        if calls[call]!.waitingSince == nil { calls[call]!.waitingSince = clock }
        let since = calls[call]!.waitingSince!
        calls[call]!.queueEntry = ActiveCall.QueueEntry(
            queue: queue, joinedAt: clock, number: calls[call]!.queueEntries, offerLeg: nil, attempt: 0, tried: [])
        var position = queues[queue]!.waiting.count
        while position > 0 {
            let ahead = queues[queue]!.waiting[position - 1]
            guard (calls[ahead]!.waitingSince!, ahead) > (since, call) else { break }
            position -= 1
        }
        queues[queue]!.waiting.insert(call, at: position)
        let caller = calls[call]!
        emit(.queueCallerJoined(QueueCallerJoinedData(
            queue: queue, from: caller.caller, fromName: caller.callerUser.map { users[$0]!.profile.name },
            position: position + 1, cause: cause, fromQueue: previous, maxWaitMs: definition.maxWait.wholeMilliseconds,
            comments: comments[caller.caller] ?? [])), call: call, into: &step)
        send(.play(LegID(call: call, index: 0), .waitingMusic), into: &step)
        timers.schedule(.maxWait(call, entry: calls[call]!.queueEntries), at: clock + definition.maxWait)
        step.queuesToDispatch.append(queue)
    }

    /// The caller stops waiting in their current queue.
    mutating func leaveQueue(_ call: CallID, reason: QueueLeaveReason, into step: inout Step) {
        guard let entry = calls[call]!.queueEntry else { return }
        if let position = queues[entry.queue]!.waiting.firstIndex(of: call) {
            queues[entry.queue]!.waiting.remove(at: position)
        }
        if entry.offerLeg != nil { queues[entry.queue]!.offering.removeAll { $0 == call } }
        calls[call]!.queueEntry = nil
        emit(.queueCallerLeft(QueueCallerLeftData(
            queue: entry.queue, reason: reason, waitMs: clock.milliseconds(since: entry.joinedAt))), call: call, into: &step)
    }

    // MARK: Distribution (WAIT-2)

    /// Offers waiting calls of `queueIDs` to free members until no offer can be made. The
    /// caller who has waited longest across the queues is served first, so a member in
    /// several queues gets the longest-waiting caller among them.
    mutating func dispatch(_ queueIDs: [QueueID], into step: inout Step) {
        var active: [QueueID] = []
        for queue in queueIDs where !active.contains(queue) { active.append(queue) }
        while !active.isEmpty {
            var best: (call: CallID, since: Timestamp, slot: Int)?
            var slot = 0
            while slot < active.count {
                let queue = active[slot]
                guard let call = queues[queue]!.waiting.first(where: { !queues[queue]!.offering.contains($0) }) else {
                    active.remove(at: slot)
                    continue
                }
                let since = calls[call]!.waitingSince!
                if best == nil || (since, call) < (best!.since, best!.call) { best = (call, since, slot) }
                slot += 1
            }
            guard let best else { return }
            if !offer(best.call, into: &step) { active.remove(at: best.slot) }
        }
    }

    /// Rings the best free member of the caller's queue: logged in, no phone in use, not in
    /// wrap-up, not yet tried in this round; lowest priority number first, then idle longest,
    /// then configured order. When every free member has been tried, a new round starts.
    /// Returns false if no member is free.
    mutating func offer(_ call: CallID, into step: inout Step) -> Bool {
        let entry = calls[call]!.queueEntry!
        let queue = queues[entry.queue]!
        var tried = entry.tried
        var choice: (member: QueueMember, idleSince: Timestamp)?
        var candidates = 0
        var atBestPriority = 0
        for round in 0..<2 {
            for position in queue.members.indices where queue.memberLoggedIn[position] {
                let slot = queue.memberSlots[position]
                let member = queue.members[position]
                guard activity[slot].isFree, !tried.contains(member.user) else { continue }
                let idleSince = activity[slot].idleSince
                candidates += 1
                guard let current = choice, member.priority >= current.member.priority else {
                    choice = (member, idleSince)
                    atBestPriority = 1
                    continue
                }
                guard member.priority == current.member.priority else { continue }
                atBestPriority += 1
                if idleSince < current.idleSince { choice = (member, idleSince) }
            }
            guard choice == nil, round == 0, !tried.isEmpty else { break }
            tried = []
        }
        guard let (member, idleSince) = choice else { return false }
        let rule: OfferRule = candidates == 1 ? .onlyFreeMember : atBestPriority == 1 ? .priority : .longestIdle
        tried.append(member.user)
        ringOffer(call, to: member.user, priority: member.priority, idleSince: idleSince, rule: rule,
                  candidates: candidates, tried: tried, into: &step)
        return true
    }

    /// Rings `user`'s active phone (AV-2) with a queue call.
    mutating func ringOffer(
        _ call: CallID, to user: UserID, priority: Int, idleSince: Timestamp, rule: OfferRule, candidates: Int,
        tried: [UserID], into step: inout Step
    ) {
        let entry = calls[call]!.queueEntry!
        let definition = queues[entry.queue]!.definition
        let profile = users[user]!.profile
        let device = profile.activeDevice!
        let number = profile.number(of: device)!
        let index = addLeg(to: call, number: number, user: user, device: device, role: .offer(entry.queue), state: .ringing(since: clock))
        let leg = LegID(call: call, index: index)
        calls[call]!.queueEntry!.offerLeg = index
        if entry.offerLeg == nil { queues[entry.queue]!.offering.append(call) }
        calls[call]!.queueEntry!.attempt += 1
        calls[call]!.queueEntry!.tried = tried
        emit(.queueOfferRinging(QueueOfferRingingData(
            queue: entry.queue, user: user, leg: leg, number: number, device: device, rule: rule, priority: priority,
            idleMs: max(0, clock.milliseconds(since: idleSince)), candidates: candidates, attempt: entry.attempt + 1,
            waitMs: clock.milliseconds(since: entry.joinedAt), ringTimeoutMs: definition.ringTimeout.wholeMilliseconds)),
             call: call, into: &step)
        send(.ring(leg, number: number, callerID: calls[call]!.caller), into: &step)
        timers.schedule(.ringTimeout(leg), at: clock + definition.ringTimeout)
    }

    /// Withdraws the call's ringing offer, if any; the member is free again.
    mutating func rescindOffer(_ call: CallID, reason: OfferRescindReason, into step: inout Step) {
        guard let entry = calls[call]!.queueEntry, let index = entry.offerLeg else { return }
        let leg = calls[call]!.legs[index]
        let ringMs: Int64 = if case .ringing(let since) = leg.state { clock.milliseconds(since: since) } else { 0 }
        calls[call]!.queueEntry!.offerLeg = nil
        queues[entry.queue]!.offering.removeAll { $0 == call }
        endLeg(call, index, hangUp: true, into: &step)
        emit(.queueOfferRescinded(QueueOfferRescindedData(
            queue: entry.queue, user: leg.user!, leg: LegID(call: call, index: index), reason: reason, ringMs: ringMs)),
             call: call, into: &step)
    }

    /// A member answered an offer: the caller leaves the queue and is connected (Q-4 records the wait).
    mutating func offerAnswered(_ call: CallID, _ index: Int, queue: QueueID, into step: inout Step) {
        queues[queue]!.lastAnsweredWaitMs = clock.milliseconds(since: calls[call]!.waitingSince!)
        leaveQueue(call, reason: .answered, into: &step)
        connect(call, index, into: &step)
    }

    /// Max wait passed: the queue's `afterMaxWait` applies. Overflow into a queue the caller
    /// has already been in falls back to voicemail.
    mutating func maxWaitPassed(_ call: CallID, entry number: Int, into step: inout Step) {
        guard let entry = calls[call]?.queueEntry, entry.number == number else { return }
        let definition = queues[entry.queue]!.definition
        rescindOffer(call, reason: .maxWait, into: &step)
        if definition.afterMaxWait == .overflow, let overflow = definition.overflowQueue,
           !calls[call]!.visitedQueues.contains(overflow) {
            leaveQueue(call, reason: .overflow, into: &step)
            joinQueue(call, overflow, cause: .overflow, from: entry.queue, into: &step)
            return
        }
        leaveQueue(call, reason: .maxWait, into: &step)
        if definition.afterMaxWait == .hangUp {
            send(.play(LegID(call: call, index: 0), .queueClosed(entry.queue, language: companyLanguage)), into: &step)
            endCall(call, endedBy: .system, user: nil, timedOut: true, into: &step)
        } else {
            enterVoicemail(call, .queue(entry.queue), into: &step)
        }
    }

    /// WAIT-3: a member rings their active phone with a waiting call by hand; a ringing
    /// offer to someone else is withdrawn.
    mutating func pickUp(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        let active = try requireCall(call)
        guard let entry = active.queueEntry else { throw SwitchboardError(.invalidCallState, "\(call) is not waiting in a queue") }
        guard let member = queues[entry.queue]!.members.first(where: { $0.user == by }) else {
            throw SwitchboardError(.notAMember, "\(by) is not a member of \(entry.queue)")
        }
        guard activity[slot(by)].hasActiveDevice else { throw SwitchboardError(.noDevice, "\(by) has no phone number") }
        if let offered = entry.offerLeg, active.legs[offered].user == by {
            throw SwitchboardError(.invalidCallState, "\(call) already rings \(by)")
        }
        rescindOffer(call, reason: .pickedUp, into: &step)
        ringOffer(call, to: by, priority: member.priority, idleSince: activity[slot(by)].idleSince, rule: .pickup, candidates: 1,
                  tried: calls[call]!.queueEntry!.tried, into: &step)
    }
}
