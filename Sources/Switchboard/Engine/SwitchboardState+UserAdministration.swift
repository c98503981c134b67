extension SwitchboardState {
    /// Adds a user at the end of the directory: Available, in no queue, idle since now.
    mutating func createUser(_ profile: User, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let current = directory
        try checkDirectory(users: current.users + [profile], queues: current.queues)
        try checkSettings(profile.settings, of: profile, memberships: [])
        userSlots[profile.id] = activity.count
        activity.append(UserActivity(legs: [], wrapUp: nil, idleSince: clock, hasActiveDevice: profile.activeDevice != nil))
        users[profile.id] = UserState(profile: profile, availability: .available, memberships: [], loggedIn: [], rememberedQueues: nil)
        for number in [profile.mobile, profile.ipNumber].compactMap(\.self) { numberPlan[number] = .user(profile.id) }
        emit(.directoryUserCreated(DirectoryUserData(user: profile.id, profile: profile, previous: nil, by: by)), into: &step)
    }

    /// Replaces a user's profile. Their status, queue logins and calls go on; calls in
    /// progress keep the numbers they ring.
    mutating func updateUser(_ profile: User, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let state = try requireUser(profile.id)
        let current = directory
        var candidates = current.users
        candidates[slot(profile.id)] = profile
        try checkDirectory(users: candidates, queues: current.queues)
        try checkSettings(profile.settings, of: profile, memberships: state.memberships)
        guard profile != state.profile else { return }
        for number in [state.profile.mobile, state.profile.ipNumber].compactMap(\.self) { numberPlan[number] = nil }
        for number in [profile.mobile, profile.ipNumber].compactMap(\.self) { numberPlan[number] = .user(profile.id) }
        users[profile.id]!.profile = profile
        activity[slot(profile.id)].hasActiveDevice = profile.activeDevice != nil
        emit(.directoryUserUpdated(DirectoryUserData(user: profile.id, profile: profile, previous: state.profile, by: by)), into: &step)
        // A member who had no phone to ring can take the calls waiting in their queues now.
        if state.profile.activeDevice == nil, profile.activeDevice != nil { step.queuesToDispatch.append(contentsOf: state.loggedIn) }
    }

    /// Removes a user no call in progress involves, with their memberships; the users after
    /// them move up one slot.
    mutating func removeUser(_ user: UserID, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let state = try requireUser(user)
        if let call = callInvolving(user) { throw SwitchboardError(.inUse, "\(user) is in \(call); remove them when it has ended") }
        for queue in state.memberships { endMembership(of: user, in: queue, by: by, into: &step) }
        for number in [state.profile.mobile, state.profile.ipNumber].compactMap(\.self) { numberPlan[number] = nil }
        users[user] = nil
        let removed = userSlots.removeValue(forKey: user)!
        activity.remove(at: removed)
        userSlots = userSlots.mapValues { $0 > removed ? $0 - 1 : $0 }
        for queue in Array(queues.keys) {
            let definition = queues[queue]!.definition
            queues[queue]!.redefine(definition, memberSlots: definition.members.map { slot($0.user) })
        }
        emit(.directoryUserRemoved(DirectoryUserRemovedData(user: user, profile: state.profile, queues: state.memberships, by: by)), into: &step)
    }

    /// The oldest call in progress that involves `user`: a phone of theirs is or was in it,
    /// it was made to or from them, their assistant or voicemail has the caller, or it is
    /// being transferred by or to them. The engine will look the user up when such a call
    /// goes on.
    private func callInvolving(_ user: UserID) -> CallID? {
        calls.keys.filter { id in
            let call = calls[id]!
            if call.callerUser == user || call.directUser == user || call.dialTarget == .user(user) { return true }
            if call.legs.contains(where: { $0.user == user }) { return true }
            if let transfer = call.transfer, transfer.by == user || transfer.target == .user(user) { return true }
            switch call.phase {
            case .assistant(let owner, _): return owner == user
            case .voicemail(let mailbox, _): return mailbox == .user(user)
            default: return false
            }
        }.min()
    }
}
