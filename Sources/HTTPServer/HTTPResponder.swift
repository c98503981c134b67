/// Anything that answers requests: a ``Router``, or a type that wraps one (middleware).
///
/// Implementation requirements: may be called concurrently from many tasks; a thrown error is
/// turned into a response by ``HTTPResponse/problem(for:instance:)``.
public protocol HTTPResponder: Sendable {
    /// The response to `request`.
    func respond(to request: HTTPRequest) async throws -> HTTPResponse
}
