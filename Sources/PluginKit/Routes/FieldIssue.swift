/// One invalid field of a request: its path (`settings.incoming.ringTimeoutMs`) and what is wrong.
public struct FieldIssue: Sendable, Hashable, Encodable {
    /// The field's path in the request body, or the query parameter's name.
    public var field: String
    /// What is wrong with it.
    public var message: String

    /// Creates an issue.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
