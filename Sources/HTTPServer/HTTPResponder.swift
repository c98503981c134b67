/// Anything that answers requests: a ``Router``, or a type that wraps one (middleware).
///
/// Implementation requirements: may be called concurrently from many tasks; a thrown error is
/// turned into a response by ``HTTPResponse/problem(for:instance:)``.
public protocol HTTPResponder: Sendable {
    /// The response to `request`.
    func respond(to request: HTTPRequest) async throws -> HTTPResponse

    /// The response to `request` when it is at hand without waiting (an answer kept from
    /// before, say): the server then sends it at once, on the connection's thread, without
    /// suspending the connection or starting a task. Nil sends the request to
    /// ``respond(to:)``, which must answer it as this would have. Must return quickly and never
    /// block. The default is nil.
    func immediateResponse(to request: HTTPRequest) -> HTTPResponse?

    /// The refusal of a request that declares a body, from its head alone (`request` has an
    /// empty body): no such route (404), a method the path does not take (405), no credentials
    /// where they are needed (401). The server then sends it without reading the body and
    /// closes the connection, so a body that would be refused is never buffered. Nil lets the
    /// body be read. Must return quickly and never block. The default is nil.
    func refusalBeforeBody(to request: HTTPRequest) -> HTTPResponse?
}

extension HTTPResponder {
    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? { nil }
    public func refusalBeforeBody(to request: HTTPRequest) -> HTTPResponse? { nil }
}
