/// A company's users and call log as plugins read them: the gateway answers from the
/// company's engine, so what a plugin sees is what the switchboard has committed.
public protocol CompanyDirectory: Sendable {
    /// The company's id.
    var company: String { get }
    /// The user `id`, or nil when the company has none.
    func user(_ id: String) async -> CompanyUser?
    /// The call `id` of the company's call log as `viewer` may see it (a queue call, or one
    /// the viewer took or made; any call when `viewer` is nil), or nil.
    func call(_ id: String, visibleTo viewer: String?) async -> CompanyCall?
    /// `text` as an E.164 number the way the company writes numbers (`400 00 001` is
    /// `+4740000001`), or why it is not one.
    func phoneNumber(_ text: String) -> Result<String, PhoneNumberIssue>
}

/// Why a text is not a phone number, in words for the client.
public struct PhoneNumberIssue: Error, Sendable, Hashable {
    /// What is wrong.
    public var reason: String

    /// Creates an issue.
    public init(reason: String) { self.reason = reason }
}

/// A user of a company as plugins see them.
public struct CompanyUser: Sendable, Hashable {
    /// The id.
    public var id: String
    /// The display name.
    public var name: String
    /// The mobile number (E.164), if any.
    public var mobile: String?
    /// The email address, if any.
    public var email: String?
    /// The department, if any.
    public var department: String?
    /// The language the user reads: `nb` or `en`.
    public var language: String
    /// `user`, `team_leader` or `admin`.
    public var role: String

    /// Creates a user.
    public init(id: String, name: String, mobile: String?, email: String?, department: String?, language: String, role: String) {
        self.id = id
        self.name = name
        self.mobile = mobile
        self.email = email
        self.department = department
        self.language = language
        self.role = role
    }
}

/// A call of a company's call log as plugins see it.
public struct CompanyCall: Sendable, Hashable {
    /// The call's id (`call-12`).
    public var id: String
    /// The calling number (E.164).
    public var from: String
    /// The queue the call came through, if any.
    public var queue: String?
    /// The user who took the call, if any.
    public var user: String?
    /// The user who made the call, when it was made from inside.
    public var fromUser: String?

    /// Creates a call.
    public init(id: String, from: String, queue: String?, user: String?, fromUser: String?) {
        self.id = id
        self.from = from
        self.queue = queue
        self.user = user
        self.fromUser = fromUser
    }
}
