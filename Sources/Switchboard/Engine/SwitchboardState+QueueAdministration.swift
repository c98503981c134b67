extension SwitchboardState {
    /// Adds a queue at the end of the directory with its first members, none logged in.
    mutating func createQueue(_ definition: CallQueue, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let current = directory
        try checkDirectory(users: current.users, queues: current.queues + [definition])
        queueOrder[definition.id] = queueOrder.count
        numberPlan[definition.mainNumber] = .queue(definition.id)
        queues[definition.id] = QueueState(definition: definition, memberSlots: definition.members.map { slot($0.user) })
        for member in definition.members { users[member.user]!.memberships.append(definition.id) }
        emit(.directoryQueueCreated(DirectoryQueueData(queue: definition.id, definition: definition, previous: nil, by: by)), into: &step)
    }

    /// Replaces a queue's definition but not its members. Waiting callers stay; offers and
    /// max waits already running keep their times.
    mutating func updateQueue(_ definition: CallQueue, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let previous = try requireQueue(definition.id).definition
        guard definition.members.isEmpty || definition.members == previous.members else {
            throw SwitchboardError(
                .invalidDirectory,
                "updating queue \"\(definition.id)\" does not change its members (setMember and removeMember do); send its current members or none")
        }
        var updated = definition
        updated.members = previous.members
        let current = directory
        var candidates = current.queues
        candidates[queueOrder[definition.id]!] = updated
        try checkDirectory(users: current.users, queues: candidates)
        guard updated != previous else { return }
        numberPlan[previous.mainNumber] = nil
        numberPlan[updated.mainNumber] = .queue(updated.id)
        queues[updated.id]!.redefine(updated)
        emit(.directoryQueueUpdated(DirectoryQueueData(queue: updated.id, definition: updated, previous: previous, by: by)), into: &step)
    }

    /// Removes a queue nobody waits in, nothing overflows into and no click-to-call is about
    /// to enter, logging its members out first; the queues after it move up one place.
    mutating func removeQueue(_ queue: QueueID, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let state = try requireQueue(queue)
        if let other = queueIDsInOrder.first(where: { queues[$0]!.definition.overflowQueue == queue }) {
            throw SwitchboardError(.invalidDirectory, "queue \"\(other)\" overflows into \"\(queue)\"; change that first")
        }
        if let call = state.waiting.first { throw SwitchboardError(.inUse, "\(call) waits in \(queue); remove it when nobody waits") }
        if let call = calls.keys.filter({ calls[$0]!.phase == .ringingOwnDevice && calls[$0]!.dialTarget == .queue(queue) }).min() {
            throw SwitchboardError(.inUse, "\(call) is about to enter \(queue); remove it when nobody waits")
        }
        for member in state.members { endMembership(of: member.user, in: queue, by: by, into: &step) }
        numberPlan[state.definition.mainNumber] = nil
        queues[queue] = nil
        let removed = queueOrder.removeValue(forKey: queue)!
        queueOrder = queueOrder.mapValues { $0 > removed ? $0 - 1 : $0 }
        emit(.directoryQueueRemoved(DirectoryQueueData(queue: queue, definition: state.definition, previous: nil, by: by)), into: &step)
    }

    /// Makes a user a member of a queue (after the others, logged out) or changes their
    /// priority; setting the priority a member has changes nothing.
    mutating func setMember(_ member: QueueMember, of queue: QueueID, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let state = try requireQueue(queue)
        _ = try requireUser(member.user)
        let previous = state.members.first { $0.user == member.user }?.priority
        guard previous != member.priority else { return }
        var updated = state
        updated.setMember(member, slot: slot(member.user))
        let current = directory
        var candidates = current.queues
        candidates[queueOrder[queue]!] = updated.definition
        try checkDirectory(users: current.users, queues: candidates)
        queues[queue] = updated
        if previous == nil {
            users[member.user]!.memberships.insert(queue, at: position(for: queue, in: users[member.user]!.memberships))
        }
        emit(.directoryMemberSet(DirectoryMemberData(
            queue: queue, user: member.user, priority: member.priority, previousPriority: previous, by: by)), into: &step)
    }

    /// Ends a membership, logging the member out of the queue first.
    mutating func removeMember(_ user: UserID, from queue: QueueID, by: UserID?, into step: inout Step) throws(SwitchboardError) {
        let state = try requireQueue(queue)
        _ = try requireUser(user)
        guard let member = state.members.first(where: { $0.user == user }) else {
            throw SwitchboardError(.notAMember, "\(user) is not a member of \(queue)")
        }
        endMembership(of: user, in: queue, by: by, into: &step)
        emit(.directoryMemberRemoved(DirectoryMemberData(
            queue: queue, user: user, priority: member.priority, previousPriority: nil, by: by)), into: &step)
    }
}
