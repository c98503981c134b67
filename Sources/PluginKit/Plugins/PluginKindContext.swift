/// What the gateway gives a plugin kind at start (``PluginFactory/start(instances:context:)``).
public struct PluginKindContext: Sendable {
    /// A logger labelled `plugin.KIND`.
    public var logger: Logger
    /// The clock.
    public var clock: any PluginClock
    /// Outbound HTTP for the kind's own work, shared by the kinds (its instances' deliveries
    /// get their own).
    public var http: any HTTPTransport
    /// The kind's tables (``PluginFactory/schema``), migrated; nil for a kind without.
    public var database: (any PluginDatabase)?
    /// Appends events to the log (any company the gateway serves).
    public var events: any PluginEventSink
    /// The directory of company `id`, or nil when the gateway does not serve it.
    public var companies: @Sendable (_ id: String) -> (any CompanyDirectory)?

    /// Creates a context.
    public init(
        logger: Logger, clock: any PluginClock, http: any HTTPTransport, database: (any PluginDatabase)?, events: any PluginEventSink,
        companies: @escaping @Sendable (String) -> (any CompanyDirectory)?
    ) {
        self.logger = logger
        self.clock = clock
        self.http = http
        self.database = database
        self.events = events
        self.companies = companies
    }
}

/// What a plugin kind adds to the gateway once started.
public struct PluginExtensions: Sendable {
    /// Routes under `/api/v1`, behind the gateway's middleware.
    public var routes: [PluginRoute]
    /// Background work, started after the plugin host and stopped before it.
    public var services: [any Service]
    /// Sends login codes (`[auth] code_delivery = "sms"`), if the kind can.
    public var loginCodes: (any LoginCodeChannel)?

    /// Creates extensions; every part defaults to nothing.
    public init(routes: [PluginRoute] = [], services: [any Service] = [], loginCodes: (any LoginCodeChannel)? = nil) {
        self.routes = routes
        self.services = services
        self.loginCodes = loginCodes
    }
}

/// A channel that sends one-time login codes (LOGIN-1), offered by a plugin kind.
public protocol LoginCodeChannel: Sendable {
    /// The `[auth] code_delivery` value that selects it, e.g. `sms`.
    var delivery: String { get }
    /// Sends `code` (valid for `validMinutes`) to `number` (E.164) of `company`'s user, in
    /// `language` (`nb` or `en`); `clientAddress` is the requester's, for rate limits.
    func sendLoginCode(_ code: String, validMinutes: Int, to number: String, company: String, language: String, clientAddress: String?) async throws
}
