import HTTPServer
import PluginKit
import Switchboard

/// The API's problem types (RFC 9457 `type` members): stable URNs clients can match on,
/// each with its status. docs/openapi.yaml lists them.
enum APIProblem {
    /// The prefix of every problem type: `urn:sentralbord:problem:NAME`.
    static let typePrefix = ProblemDetails.typePrefix

    /// A problem of type `name` with `status`, `title` and an explanation of this occurrence.
    static func error(
        _ status: HTTPStatus, _ name: String, _ title: String, detail: String? = nil,
        extensions: [String: any Encodable & Sendable] = [:], headers: HTTPHeaders = HTTPHeaders()
    ) -> HTTPError {
        HTTPError(status, type: typePrefix + name, title: title, detail: detail, extensions: extensions, headers: headers)
    }

    /// 400 `malformed-json`: the body is not JSON (or not the JSON object expected).
    static func malformedJSON(_ detail: String) -> HTTPError {
        error(.badRequest, "malformed-json", "The request body is not valid JSON", detail: detail)
    }

    /// 415 `unsupported-media-type`.
    static func unsupportedMediaType(_ detail: String) -> HTTPError {
        error(.unsupportedMediaType, "unsupported-media-type", "Unsupported media type", detail: detail)
    }

    /// 422 `validation-failed` listing every bad field as `{field, message}`.
    static func validationFailed(_ issues: [FieldIssue]) -> HTTPError {
        error(
            .unprocessableContent, "validation-failed", "The request has invalid fields",
            detail: issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "), extensions: ["errors": issues])
    }

    /// 400 `invalid-parameter`: a query parameter is wrong.
    static func invalidParameter(_ name: String, _ message: String) -> HTTPError {
        error(
            .badRequest, "invalid-parameter", "A query parameter is invalid", detail: "\(name): \(message)",
            extensions: ["errors": [FieldIssue(field: name, message: message)]])
    }

    /// 401 `unauthenticated`: no valid session token or API key.
    static func unauthenticated(_ detail: String) -> HTTPError {
        error(
            .unauthorized, "unauthenticated", "Authentication is required", detail: detail,
            headers: ["WWW-Authenticate": "Bearer realm=\"sentralbord\""])
    }

    /// 403 `forbidden`: authenticated, but the role or scope does not allow this.
    static func forbidden(_ detail: String) -> HTTPError {
        error(.forbidden, "forbidden", "Not allowed", detail: detail)
    }

    /// 404 `not-found`: no such resource in the caller's company (whether it exists in another
    /// company is never told).
    static func notFound(_ detail: String) -> HTTPError {
        error(.notFound, "not-found", "Not found", detail: detail)
    }

    /// 409 `conflict`: the resource's state does not allow the request now.
    static func conflict(_ name: String, _ detail: String) -> HTTPError {
        error(.conflict, name, "The request conflicts with the current state", detail: detail)
    }

    /// 429 `rate-limited` with `Retry-After`.
    static func rateLimited(_ detail: String, retryAfterSeconds: Int) -> HTTPError {
        error(
            .tooManyRequests, "rate-limited", "Too many requests", detail: detail,
            extensions: ["retryAfterSeconds": retryAfterSeconds], headers: ["Retry-After": String(retryAfterSeconds)])
    }

    /// 429 `too-many-streams`: the caller or the company has as many live streams open as
    /// `[server]` allows.
    static func tooManyStreams(_ detail: String) -> HTTPError {
        error(
            .tooManyRequests, "too-many-streams", "Too many live streams", detail: detail,
            extensions: ["retryAfterSeconds": 10], headers: ["Retry-After": "10"])
    }

    /// 503 `storage-unavailable`: the database did not answer; `detail` says what to do.
    static func storageUnavailable(_ detail: String = "Try again shortly.") -> HTTPError {
        error(.serviceUnavailable, "storage-unavailable", "Storage is unavailable", detail: detail)
    }

    /// 503 `engine-unavailable`: the company's engine stopped (storage failure).
    static func engineUnavailable() -> HTTPError {
        error(.serviceUnavailable, "engine-unavailable", "The switchboard is unavailable", detail: "The company's switchboard engine stopped; an operator must restart the gateway.")
    }

    /// The problem for an engine refusal: unknown things are 404, permission 403, state 409,
    /// bad values 422; the type is the engine's stable code, e.g. `engine:callEnded`.
    static func refused(_ error: SwitchboardError) -> HTTPError {
        let status: HTTPStatus
        switch error.code {
        case .unknownUser, .unknownQueue, .unknownCall, .unknownLeg: status = .notFound
        case .notAuthorized: status = .forbidden
        case .invalidDirectory, .invalidSettings, .invalidTarget, .emptyComment, .unknownNumber: status = .unprocessableContent
        default: status = .conflict
        }
        return Self.error(status, "engine:" + error.code.rawValue, "The switchboard refused the request", detail: error.message)
    }
}

/// One invalid field of a request: its path (`settings.incoming.ringTimeoutMs`) and what is wrong.
struct FieldIssue: Sendable, Hashable, Encodable {
    /// The field's path in the request body, or the query parameter's name.
    var field: String
    /// What is wrong with it.
    var message: String

    /// Creates an issue.
    init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
