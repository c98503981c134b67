public import PluginKit
/// A ready-made ``HTTPResponseError``: a status plus the problem members to send.
///
/// `throw HTTPError(.notFound, detail: "No user 42")` answers 404 with that detail.
public struct HTTPError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The response status.
    public var status: HTTPStatus
    /// The problem sent as the body.
    public var problem: ProblemDetails
    /// Extra header fields for the response.
    public var headers: HTTPHeaders

    /// Creates an error whose problem has the given members; `title` defaults to the status's
    /// reason phrase, `type` to `about:blank`.
    public init(
        _ status: HTTPStatus,
        type: String = "about:blank",
        title: String? = nil,
        detail: String? = nil,
        extensions: [String: any Encodable & Sendable] = [:],
        headers: HTTPHeaders = HTTPHeaders()
    ) {
        self.status = status
        self.problem = ProblemDetails(
            type: type, title: title, status: status, detail: detail, extensions: extensions)
        self.headers = headers
    }

    /// The status and detail.
    public var description: String {
        "HTTPError(\(status)\(problem.detail.map { ": \($0)" } ?? ""))"
    }
}
