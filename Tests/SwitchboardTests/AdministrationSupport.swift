import Switchboard

/// A user and a queue the Harness company does not have yet, for directory administration.
enum Newcomer {
    static let fay = UserID("fay")
    static let fayMobile = Harness.number("911 00 006")
    static let help = QueueID("help")
    static let helpNumber = Harness.number("22 00 00 04")

    /// Fay: a user with a mobile number.
    static func fayProfile(role: UserRole = .user, settings: UserSettings = UserSettings()) -> User {
        User(id: fay, name: "Fay", department: "Support", email: "fay@example.no", mobile: fayMobile, role: role, settings: settings)
    }

    /// Help: 10 s ring, 2 min max wait, 5 s wrap-up, then overflow into support.
    static func helpQueue(members: [QueueMember] = []) -> CallQueue {
        CallQueue(
            id: help, name: "Help", mainNumber: helpNumber, ringTimeout: .seconds(10), maxWait: .seconds(120), wrapUp: .seconds(5),
            afterMaxWait: .overflow, overflowQueue: Harness.support, members: members)
    }
}

extension Harness {
    /// Changes the directory as `by` (dan, the admin, by default).
    @discardableResult
    mutating func administer(_ change: DirectoryChange, by: Principal = .user(Harness.dan)) throws(SwitchboardError) -> SwitchboardEffects {
        try run(.administer(change, by: by))
    }

    /// The data of the directory events so far: users created and updated, queues, members.
    var userChanges: [DirectoryUserData] {
        events.compactMap {
            switch $0.payload {
            case .directoryUserCreated(let d), .directoryUserUpdated(let d): d
            default: nil
            }
        }
    }
    var queueChanges: [DirectoryQueueData] {
        events.compactMap {
            switch $0.payload {
            case .directoryQueueCreated(let d), .directoryQueueUpdated(let d), .directoryQueueRemoved(let d): d
            default: nil
            }
        }
    }
    var memberChanges: [DirectoryMemberData] {
        events.compactMap {
            switch $0.payload {
            case .directoryMemberSet(let d), .directoryMemberRemoved(let d): d
            default: nil
            }
        }
    }
    /// The data of the `member.queue.logout` events so far.
    var logouts: [MemberQueueData] { data("member.queue.logout") { if case .memberQueueLogout(let d) = $0 { d } else { nil } } }
}

extension DirectoryMemberData {
    /// `queue user priority [(was p)] by admin|system`, to compare in one line.
    var summary: String {
        "\(queue) \(user) \(priority)\(previousPriority.map { " (was \($0))" } ?? "") by \(by?.rawValue ?? "system")"
    }
}

extension MemberQueueData {
    /// `user queue cause by who|nobody`, to compare in one line.
    var summary: String { "\(user) \(queue) \(cause.rawValue) by \(by?.rawValue ?? "nobody")" }
}

extension QueueMembership {
    /// `queue priority logged in|out`, to compare in one line.
    var summary: String { "\(queue) \(priority) logged \(loggedIn ? "in" : "out")" }
}
