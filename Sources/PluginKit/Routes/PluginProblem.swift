/// An API error a route answers with: an RFC 9457 problem of type
/// `urn:sentralbord:problem:NAME` (docs/openapi.yaml lists the names). Thrown from a plugin's
/// route (or ``JSONBody``), the gateway sends it as `application/problem+json`.
public struct PluginProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code, e.g. 422.
    public var statusCode: Int
    /// The problem type's name, e.g. `validation-failed`.
    public var name: String
    /// A short summary of the problem type.
    public var title: String
    /// This occurrence, in words a client can act on; never a secret.
    public var detail: String?
    /// The invalid fields, sent as the `errors` member when not empty.
    public var issues: [FieldIssue]
    /// Seconds to wait before retrying (`Retry-After`), for 429 and 503.
    public var retryAfterSeconds: Int?

    /// A problem of type `name` with `status`.
    public init(statusCode: Int, name: String, title: String, detail: String? = nil, issues: [FieldIssue] = [], retryAfterSeconds: Int? = nil) {
        self.statusCode = statusCode
        self.name = name
        self.title = title
        self.detail = detail
        self.issues = issues
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// 400 `malformed-json`: the body is not JSON (or not the JSON object expected).
    public static func malformedJSON(_ detail: String) -> PluginProblem {
        PluginProblem(statusCode: 400, name: "malformed-json", title: "The request body is not valid JSON", detail: detail)
    }

    /// 415 `unsupported-media-type`.
    public static func unsupportedMediaType(_ detail: String) -> PluginProblem {
        PluginProblem(statusCode: 415, name: "unsupported-media-type", title: "Unsupported media type", detail: detail)
    }

    /// 422 `validation-failed` listing every bad field as `{field, message}`.
    public static func validationFailed(_ issues: [FieldIssue]) -> PluginProblem {
        PluginProblem(
            statusCode: 422, name: "validation-failed", title: "The request has invalid fields",
            detail: issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "), issues: issues)
    }

    /// 400 `invalid-parameter`: query parameters are wrong.
    public static func invalidParameters(_ issues: [FieldIssue]) -> PluginProblem {
        PluginProblem(
            statusCode: 400, name: "invalid-parameter", title: "A query parameter is invalid",
            detail: issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "), issues: issues)
    }

    /// 403 `forbidden`.
    public static func forbidden(_ detail: String) -> PluginProblem {
        PluginProblem(statusCode: 403, name: "forbidden", title: "Not allowed", detail: detail)
    }

    /// 404 `not-found`.
    public static func notFound(_ detail: String) -> PluginProblem {
        PluginProblem(statusCode: 404, name: "not-found", title: "Not found", detail: detail)
    }

    /// 429 `rate-limited`, to retry after `retryAfterSeconds`.
    public static func rateLimited(_ detail: String, retryAfterSeconds: Int) -> PluginProblem {
        PluginProblem(statusCode: 429, name: "rate-limited", title: "Too many requests", detail: detail, retryAfterSeconds: retryAfterSeconds)
    }

    /// 503 `storage-unavailable`: the database did not answer; nothing was changed.
    public static func storageUnavailable(_ detail: String = "Try again shortly.") -> PluginProblem {
        PluginProblem(statusCode: 503, name: "storage-unavailable", title: "Storage is unavailable", detail: detail)
    }

    /// The status, name and detail.
    public var description: String { "\(statusCode) \(name)\(detail.map { ": \($0)" } ?? "")" }
}
