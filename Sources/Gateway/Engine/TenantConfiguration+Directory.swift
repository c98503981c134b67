public import Switchboard

extension TenantConfiguration {
    /// The engine's directory for this company, from its configured users and queues.
    ///
    /// - Throws: `SwitchboardError` when the engine finds the directory inconsistent (the
    ///   configuration check already refuses what it can see).
    public func makeDirectory() throws(SwitchboardError) -> TenantDirectory {
        try TenantDirectory(
            tenant: TenantID(id), name: name, language: language,
            users: users.map { user in
                User(
                    id: UserID(user.id), name: user.name, department: user.department, email: user.email,
                    mobile: user.mobile, ipNumber: user.ipNumber, role: user.role, language: user.language)
            },
            queues: queues.map { queue in
                CallQueue(
                    id: QueueID(queue.id), name: queue.name, mainNumber: queue.mainNumber,
                    ringTimeout: .seconds(queue.ringTimeoutSeconds), maxWait: .seconds(queue.maxWaitSeconds),
                    wrapUp: .seconds(queue.wrapUpSeconds), afterMaxWait: queue.afterMaxWait,
                    overflowQueue: queue.overflowQueue.map { QueueID($0) },
                    members: queue.members.map { QueueMember(user: UserID($0.user), priority: $0.priority) })
            })
    }
}
