import Switchboard

/// A queue as the API shows it: its definition, members with login state and
/// the counts the console shows.
struct QueueView: Encodable, Sendable {
    /// A member.
    struct Member: Encodable, Sendable {
        let user: UserID
        let priority: Int
        let loggedIn: Bool
    }

    let id: QueueID
    let name: String
    let mainNumber: PhoneNumber
    let ringTimeoutMs: Int64
    let maxWaitMs: Int64
    let wrapUpMs: Int64
    let afterMaxWait: String
    let overflowQueue: QueueID?
    let members: [Member]
    let loggedInCount: Int
    let membersInCall: Int
    let waiting: Int
    let lastAnsweredWaitMs: Int64?

    init(_ status: QueueStatus) {
        let queue = status.queue
        id = queue.id
        name = queue.name
        mainNumber = queue.mainNumber
        ringTimeoutMs = queue.ringTimeout.wholeMilliseconds
        maxWaitMs = queue.maxWait.wholeMilliseconds
        wrapUpMs = queue.wrapUp.wholeMilliseconds
        afterMaxWait = queue.afterMaxWait.rawValue
        overflowQueue = queue.overflowQueue
        let loggedIn = Set(status.loggedIn)
        members = queue.members.map { Member(user: $0.user, priority: $0.priority, loggedIn: loggedIn.contains($0.user)) }
        loggedInCount = status.loggedIn.count
        membersInCall = status.membersInCall
        waiting = status.waiting
        lastAnsweredWaitMs = status.lastAnsweredWaitMs
    }
}
