/// One company as a plugin's route handler may use it: who is calling, the company's
/// directory and call log (read-only), the plugin's tables seen through the company, and the
/// event log for the company's events. Nothing in it reaches another company.
public struct CompanyScope: Sendable {
    /// The company's id.
    public var company: String
    /// Who is calling.
    public var caller: PluginCaller
    /// The company's users and call log, read-only.
    public var directory: any CompanyDirectory
    /// The plugin's tables, through a handle that refuses rows of other companies; nil for
    /// a plugin without tables.
    public var database: (any PluginDatabase)?
    /// Appends the company's events to the log.
    public var events: any PluginEventSink

    /// Creates a scope; `database` and `events` should already be limited to `company`
    /// (``CompanyScopedDatabase``, ``CompanyEventSink``).
    public init(company: String, caller: PluginCaller, directory: any CompanyDirectory, database: (any PluginDatabase)?, events: any PluginEventSink) {
        self.company = company
        self.caller = caller
        self.directory = directory
        self.database = database
        self.events = events
    }
}

/// Who made a request: a logged-in user (with their role) or an API key.
public struct PluginCaller: Sendable, Hashable {
    /// The logged-in user's id; nil for an API key.
    public var user: String?
    /// The user's role (`user`, `team_leader`, `admin`); nil for an API key.
    public var role: String?
    /// A stable name of the caller for keys and logs: `user:ID` or `key:ID`.
    public var principal: String

    /// Creates a caller.
    public init(user: String?, role: String?, principal: String) {
        self.user = user
        self.role = role
        self.principal = principal
    }

    /// The logged-in user; routes of ``PluginRouteAccess/user`` always have one.
    ///
    /// - Throws: 403 for an API key.
    public var actingUser: String {
        get throws(PluginProblem) {
            guard let user else { throw PluginProblem.forbidden("This action is taken by a logged-in user; an API key cannot take it.") }
            return user
        }
    }
}
