import Switchboard

/// A user as the API shows them (DIR-1, DIR-4): directory entry, status, queue
/// memberships with login state, phone activity.
struct UserView: Encodable, Sendable {
    /// The status with its end.
    struct Status: Encodable, Sendable {
        let status: String
        let until: Timestamp?
    }

    /// A membership of a queue.
    struct Membership: Encodable, Sendable {
        let queue: QueueID
        let priority: Int
        let loggedIn: Bool
    }

    let id: UserID
    let name: String
    let department: String?
    let email: String?
    let mobile: PhoneNumber?
    let ipNumber: PhoneNumber?
    let role: String
    let language: String
    let availability: Status
    let memberships: [Membership]
    let inCall: Bool
    let ringing: Bool
    let wrapUpUntil: Timestamp?
    /// Where the profile picture is served (it may not exist yet).
    let pictureUrl: String

    init(_ presence: UserPresence) {
        let user = presence.user
        id = user.id
        name = user.name
        department = user.department
        email = user.email
        mobile = user.mobile
        ipNumber = user.ipNumber
        role = user.role.rawValue
        language = user.language.rawValue
        availability = Status(status: presence.availability.status.rawValue, until: presence.availability.until)
        memberships = presence.memberships.map { Membership(queue: $0.queue, priority: $0.priority, loggedIn: $0.loggedIn) }
        inCall = presence.inCall
        ringing = presence.ringing
        wrapUpUntil = presence.wrapUpUntil
        pictureUrl = "/api/v1/users/\(user.id)/picture"
    }
}
