/// One SMS the gateway's API asks for (DIR-2, LOG-3, PHONE-1, LOGIN-1), independent of HTTP.
public struct SMSSendRequest: Sendable, Hashable {
    /// A stable id of the request (an event id, or the API's idempotency key): sending the
    /// same request again finds the first one's ledger row.
    public var requestID: String
    /// The company.
    public var tenant: String
    /// The user sending it (or the user logging in).
    public var user: String?
    /// That user's department.
    public var department: String?
    /// The queue involved, if any.
    public var queue: String?
    /// Why.
    public var purpose: SMSPurpose
    /// The recipient in E.164.
    public var recipient: String
    /// The text as it will be sent (see ``SMSTemplates``).
    public var text: String
    /// The client's address, for the login-code rate limit.
    public var clientAddress: String?

    /// Creates a request.
    public init(
        requestID: String, tenant: String, user: String? = nil, department: String? = nil, queue: String? = nil,
        purpose: SMSPurpose, recipient: String, text: String, clientAddress: String? = nil
    ) {
        self.requestID = requestID
        self.tenant = tenant
        self.user = user
        self.department = department
        self.queue = queue
        self.purpose = purpose
        self.recipient = recipient
        self.text = text
        self.clientAddress = clientAddress
    }
}
