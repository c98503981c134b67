extension SwitchboardState {
    /// LOGIN-3: an admin (or the gateway with its own authority, `system`) changes the
    /// directory. Every change checks the directory it would make with `TenantDirectory`'s
    /// rules before its first change.
    mutating func administer(_ change: DirectoryChange, by principal: Principal, into step: inout Step) throws(SwitchboardError) {
        let by = try authorizeAdministration(principal)
        switch change {
        case .createUser(let profile): try createUser(profile, by: by, into: &step)
        case .updateUser(let profile): try updateUser(profile, by: by, into: &step)
        case .removeUser(let user): try removeUser(user, by: by, into: &step)
        case .createQueue(let definition): try createQueue(definition, by: by, into: &step)
        case .updateQueue(let definition): try updateQueue(definition, by: by, into: &step)
        case .removeQueue(let queue): try removeQueue(queue, by: by, into: &step)
        case .setMember(let queue, let member): try setMember(member, of: queue, by: by, into: &step)
        case .removeMember(let queue, let user): try removeMember(user, from: queue, by: by, into: &step)
        }
    }

    /// Admins and `system` may change the directory; returns the admin, nil for `system`.
    private func authorizeAdministration(_ principal: Principal) throws(SwitchboardError) -> UserID? {
        switch principal {
        case .user(let id):
            let role = try requireUser(id).profile.role
            guard role == .admin else { throw SwitchboardError(.notAuthorized, "\(id) (\(role.rawValue)) may not change the directory") }
            return id
        case .system:
            return nil
        case .platform:
            throw SwitchboardError(.notAuthorized, "the telephony platform may not change the directory")
        }
    }

    /// Checks a directory a change would make, by `TenantDirectory`'s rules (`invalidDirectory`).
    func checkDirectory(users: [User], queues: [CallQueue]) throws(SwitchboardError) {
        _ = try TenantDirectory(tenant: tenant, name: companyName, language: companyLanguage, users: users, queues: queues)
    }

    /// Ends `user`'s membership of `queue`: logs them out of it first (cause `directory`),
    /// forgets it for PROF-9, and a display number showing its number (PROF-3) is the user's
    /// own again.
    mutating func endMembership(of user: UserID, in queue: QueueID, by: UserID?, into step: inout Step) {
        if users[user]!.loggedIn.contains(queue) { setLoggedIn(user, queue, false, cause: .directory, by: by, into: &step) }
        queues[queue]!.removeMember(user)
        users[user]!.memberships.removeAll { $0 == queue }
        users[user]!.rememberedQueues?.removeAll { $0 == queue }
        if users[user]!.profile.settings.displayNumber == .queue(queue) { users[user]!.profile.settings.displayNumber = .own }
    }
}
