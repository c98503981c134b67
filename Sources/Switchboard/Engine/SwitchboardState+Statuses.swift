extension SwitchboardState {
    /// AV-1, DIR-5: sets a status; PROF-9 moves queue logins with it. An "until" must be in
    /// the future. Setting the status the user already has changes nothing.
    mutating func setAvailability(of user: UserID, to availability: Availability, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let state = try requireUser(user)
        try authorize(by, toChange: user)
        if let until = availability.until, until <= clock {
            throw SwitchboardError(.invalidSettings, "a status can only last until a time after \(clock)")
        }
        guard state.availability != availability else { return }
        changeAvailability(of: user, to: availability, by: by, cause: .manual, into: &step)
    }

    private mutating func changeAvailability(
        of user: UserID, to availability: Availability, by: UserID?, cause: StatusChangeCause, into step: inout Step
    ) {
        let previous = users[user]!.availability.status
        users[user]!.availability = availability
        emit(.userStatusChanged(UserStatusChangedData(
            user: user, status: availability.status, until: availability.until, previous: previous, by: by, cause: cause)),
             into: &step)
        if let until = availability.until { timers.schedule(.statusExpiry(user), at: until) }
        guard users[user]!.profile.settings.statusDrivesQueues, previous.isAvailable != availability.status.isAvailable else { return }
        if previous.isAvailable {
            let loggedIn = users[user]!.loggedIn
            users[user]!.rememberedQueues = loggedIn
            for queue in loggedIn { setLoggedIn(user, queue, false, cause: .status, by: by, into: &step) }
        } else {
            let remembered = users[user]!.rememberedQueues ?? []
            users[user]!.rememberedQueues = nil
            for queue in remembered where !users[user]!.loggedIn.contains(queue) {
                setLoggedIn(user, queue, true, cause: .status, by: by, into: &step)
            }
        }
    }

    /// A status's "until" passed: the user is Available again (PROF-9 applies).
    mutating func statusExpired(_ user: UserID, due: Timestamp, into step: inout Step) {
        guard let state = users[user], state.availability.until == due else { return }
        changeAvailability(of: user, to: .available, by: nil, cause: .expired, into: &step)
    }

    /// log into a queue one is a member of.
    mutating func logIn(_ user: UserID, to queue: QueueID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let state = try checkMembership(user, queue, by: by)
        guard !state.loggedIn.contains(queue) else { throw SwitchboardError(.alreadyLoggedIn, "\(user) is already logged into \(queue)") }
        setLoggedIn(user, queue, true, cause: .manual, by: by, into: &step)
    }

    /// log out of a queue.
    mutating func logOut(_ user: UserID, of queue: QueueID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let state = try checkMembership(user, queue, by: by)
        guard state.loggedIn.contains(queue) else { throw SwitchboardError(.notLoggedIn, "\(user) is not logged into \(queue)") }
        setLoggedIn(user, queue, false, cause: .manual, by: by, into: &step)
    }

    private func checkMembership(_ user: UserID, _ queue: QueueID, by: UserID) throws(SwitchboardError) -> UserState {
        let state = try requireUser(user)
        _ = try requireQueue(queue)
        try authorize(by, toChange: user)
        guard state.memberships.contains(queue) else { throw SwitchboardError(.notAMember, "\(user) is not a member of \(queue)") }
        return state
    }

    /// Logs in or out; logging out withdraws a ringing offer from that queue.
    mutating func setLoggedIn(_ user: UserID, _ queue: QueueID, _ loggedIn: Bool, cause: LoginCause, by: UserID?, into step: inout Step) {
        let data = MemberQueueData(user: user, queue: queue, cause: cause, by: by)
        if loggedIn {
            users[user]!.loggedIn.insert(queue, at: position(for: queue, in: users[user]!.loggedIn))
            queues[queue]!.loggedIn.insert(user)
            setMemberLoggedIn(user, queue, true)
            emit(.memberQueueLogin(data), into: &step)
            step.queuesToDispatch.append(queue)
            return
        }
        users[user]!.loggedIn.removeAll { $0 == queue }
        queues[queue]!.loggedIn.remove(user)
        setMemberLoggedIn(user, queue, false)
        emit(.memberQueueLogout(data), into: &step)
        for leg in activity[slot(user)].legs {
            guard let call = calls[leg.call], call.queueEntry?.queue == queue, call.queueEntry?.offerLeg == leg.index,
                  call.legs[leg.index].isRinging else { continue }
            rescindOffer(leg.call, reason: .memberLoggedOut, into: &step)
            step.queuesToDispatch.append(queue)
        }
    }

    /// Mirrors a login or logout in the queue's per-member flags that distribution reads.
    private mutating func setMemberLoggedIn(_ user: UserID, _ queue: QueueID, _ loggedIn: Bool) {
        guard let position = queues[queue]!.members.firstIndex(where: { $0.user == user }) else { return }
        queues[queue]!.memberLoggedIn[position] = loggedIn
    }

    /// A member's wrap-up is over: they are free again.
    mutating func wrapUpEnded(_ user: UserID, due: Timestamp, into step: inout Step) {
        guard let slot = userSlots[user], let wrapUp = activity[slot].wrapUp, wrapUp.until == due else { return }
        activity[slot].wrapUp = nil
        emit(.memberWrapUpEnded(MemberWrapUpEndedData(user: user, queue: wrapUp.queue)), into: &step)
        guard activity[slot].legs.isEmpty else { return }
        activity[slot].idleSince = clock
        step.queuesToDispatch.append(contentsOf: users[user]!.loggedIn)
    }

    /// Replaces a user's settings (the user or an admin). Devices must be numbers the user
    /// has; a queue display number must be a queue the user is a member of (PROF-3).
    mutating func updateSettings(of user: UserID, to settings: UserSettings, by: UserID, into step: inout Step) throws(SwitchboardError) {
        let state = try requireUser(user)
        try authorize(by, toChange: user, minimumRole: .admin)
        try checkSettings(settings, of: state.profile, memberships: state.memberships)
        guard state.profile.settings != settings else { return }
        users[user]!.profile.settings = settings
        activity[slot(user)].hasActiveDevice = users[user]!.profile.activeDevice != nil
        emit(.userSettingsChanged(UserSettingsChangedData(user: user, settings: settings, by: by)), into: &step)
    }

    /// Settings a user may have: devices are numbers of `profile`; a queue display number is
    /// one of `memberships` (PROF-3); ring and input timeouts are positive.
    func checkSettings(_ settings: UserSettings, of profile: User, memberships: [QueueID]) throws(SwitchboardError) {
        for device in [settings.activeDevice, settings.transferDefault].compactMap(\.self) where profile.number(of: device) == nil {
            throw SwitchboardError(.invalidSettings, "\(profile.id) has no \(device.rawValue) number")
        }
        if case .queue(let queue) = settings.displayNumber, !memberships.contains(queue) {
            throw SwitchboardError(.invalidSettings, "\(profile.id) is not a member of \(queue) and cannot show its number")
        }
        guard settings.incoming.ringTimeout > .zero, settings.assistant.inputTimeout > .zero else {
            throw SwitchboardError(.invalidSettings, "ring and input timeouts must be positive")
        }
    }
}
