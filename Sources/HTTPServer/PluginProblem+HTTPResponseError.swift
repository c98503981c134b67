public import PluginKit

extension PluginProblem: HTTPResponseError {
    /// ``statusCode`` as an ``HTTPStatus``.
    public var status: HTTPStatus { HTTPStatus(code: statusCode) }

    /// The problem: type `urn:sentralbord:problem:NAME`, the issues as `errors`, and
    /// `retryAfterSeconds` when set.
    public var problem: ProblemDetails {
        var extensions: [String: any Encodable & Sendable] = [:]
        if !issues.isEmpty { extensions["errors"] = issues }
        if let retryAfterSeconds { extensions["retryAfterSeconds"] = retryAfterSeconds }
        return ProblemDetails(type: ProblemDetails.typePrefix + name, title: title, status: HTTPStatus(code: statusCode), detail: detail, extensions: extensions)
    }

    /// `Retry-After` when ``retryAfterSeconds`` is set.
    public var headers: HTTPHeaders {
        retryAfterSeconds.map { ["Retry-After": String($0)] } ?? HTTPHeaders()
    }
}
