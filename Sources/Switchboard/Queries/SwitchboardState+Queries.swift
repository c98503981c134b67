extension SwitchboardState {
    /// The company's directory as it is now: the configured one with the admins' changes,
    /// users with their current profiles and settings, queues with their current members,
    /// in directory order (added users and queues at the end).
    public var directory: TenantDirectory {
        TenantDirectory(
            tenant: tenant, name: companyName, language: companyLanguage,
            consistentUsers: userSlots.keys.sorted { userSlots[$0]! < userSlots[$1]! }.map { users[$0]!.profile },
            queues: queueIDsInOrder.map { queues[$0]!.definition })
    }

    /// The role of user `id`, or nil if there is no such user: what access checks need, without
    /// building the user's whole presence.
    public func role(of id: UserID) -> UserRole? { users[id]?.profile.role }

    /// The user with their current settings, status, queue logins and phone activity; nil if unknown.
    public func presence(of id: UserID) -> UserPresence? {
        guard let state = users[id] else { return nil }
        let memberships = state.memberships.map { queue in
            QueueMembership(
                queue: queue, priority: queues[queue]!.members.first { $0.user == id }!.priority,
                loggedIn: state.loggedIn.contains(queue))
        }
        let activity = activity[slot(id)]
        let ringing = activity.legs.contains { calls[$0.call]?.legs[$0.index].isRinging == true }
        return UserPresence(
            user: state.profile, availability: state.availability, memberships: memberships,
            rememberedQueues: state.rememberedQueues, inCall: isInCall(id), ringing: ringing, wrapUpUntil: activity.wrapUp?.until)
    }

    /// logged-in members, members in a call, waiting callers, last answered wait; nil if unknown.
    public func status(of id: QueueID) -> QueueStatus? {
        guard let queue = queues[id] else { return nil }
        return QueueStatus(
            queue: queue.definition,
            loggedIn: queue.members.map(\.user).filter(queue.loggedIn.contains),
            membersInCall: queue.members.count { isInCall($0.user) },
            waiting: queue.waiting.count, lastAnsweredWaitMs: queue.lastAnsweredWaitMs)
    }

    /// WAIT-1: every waiting caller, longest wait first.
    public func waitingCalls() -> [WaitingCall] {
        var result: [WaitingCall] = []
        for queue in queueIDsInOrder {
            for (position, id) in queues[queue]!.waiting.enumerated() {
                let call = calls[id]!
                let offer = call.queueEntry?.offerLeg.map { call.legs[$0].user } ?? nil
                result.append(WaitingCall(
                    call: id, queue: queue, from: call.caller, waitMs: clock.milliseconds(since: call.waitingSince!),
                    position: position + 1, offeredTo: offer))
            }
        }
        return result.sorted { ($0.waitMs, $1.call) > ($1.waitMs, $0.call) }
    }

    /// The calls in progress, oldest first.
    public var activeCalls: [CallID] { calls.keys.sorted() }

    /// The users with a phone in `call` that rings or is up, in leg order; empty if the call is not active.
    public func parties(of call: CallID) -> [(user: UserID, leg: LegID, ringing: Bool)] {
        guard let active = calls[call] else { return [] }
        return active.legs.compactMap { leg in
            guard let user = leg.user, !leg.isEnded else { return nil }
            return (user, LegID(call: call, index: leg.index), leg.isRinging)
        }
    }

    /// LOG-3: the missed calls not yet marked called back, oldest first.
    public var missedCallsNotCalledBack: [CallID] { missedCalls.keys.sorted() }

    /// CMT-1: the comments on a number, oldest first.
    public func comments(on number: PhoneNumber) -> [CallerComment] { comments[number] ?? [] }
}

extension SwitchboardState {
    /// How many calls are in progress.
    public var activeCallCount: Int { calls.count }
}
