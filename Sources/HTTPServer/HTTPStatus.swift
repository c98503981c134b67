/// An HTTP response status code with its reason phrase.
public struct HTTPStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The three-digit code.
    public let code: Int

    /// The three-digit code.
    public var rawValue: Int {
        code
    }

    /// Creates a status from its code; the caller keeps it within 100...599.
    public init(code: Int) {
        self.code = code
    }

    /// Creates a status from its code; the caller keeps it within 100...599.
    public init(rawValue: Int) {
        self.code = rawValue
    }

    /// Creates a status from an integer literal such as `418`.
    public init(integerLiteral value: Int) {
        self.code = value
    }

    /// The registered reason phrase (e.g. "Not Found"), or "Unknown" for unregistered codes.
    public var reasonPhrase: String {
        Self.reasonPhrases[code] ?? "Unknown"
    }

    /// `200 OK`
    public static let ok: HTTPStatus = 200
    /// `201 Created`
    public static let created: HTTPStatus = 201
    /// `202 Accepted`
    public static let accepted: HTTPStatus = 202
    /// `204 No Content`
    public static let noContent: HTTPStatus = 204
    /// `400 Bad Request`
    public static let badRequest: HTTPStatus = 400
    /// `401 Unauthorized`
    public static let unauthorized: HTTPStatus = 401
    /// `403 Forbidden`
    public static let forbidden: HTTPStatus = 403
    /// `404 Not Found`
    public static let notFound: HTTPStatus = 404
    /// `405 Method Not Allowed`
    public static let methodNotAllowed: HTTPStatus = 405
    /// `409 Conflict`
    public static let conflict: HTTPStatus = 409
    /// `413 Content Too Large`
    public static let contentTooLarge: HTTPStatus = 413
    /// `415 Unsupported Media Type`
    public static let unsupportedMediaType: HTTPStatus = 415
    /// `422 Unprocessable Content`
    public static let unprocessableContent: HTTPStatus = 422
    /// `429 Too Many Requests`
    public static let tooManyRequests: HTTPStatus = 429
    /// `500 Internal Server Error`
    public static let internalServerError: HTTPStatus = 500
    /// `502 Bad Gateway`
    public static let badGateway: HTTPStatus = 502
    /// `503 Service Unavailable`
    public static let serviceUnavailable: HTTPStatus = 503

    /// The code and reason phrase, e.g. `404 Not Found`.
    public var description: String {
        "\(code) \(reasonPhrase)"
    }

    private static let reasonPhrases: [Int: String] = [
        100: "Continue", 101: "Switching Protocols",
        200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
        204: "No Content", 205: "Reset Content", 206: "Partial Content",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict",
        410: "Gone", 411: "Length Required", 412: "Precondition Failed",
        413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
        416: "Range Not Satisfiable", 417: "Expectation Failed", 421: "Misdirected Request",
        422: "Unprocessable Content", 423: "Locked", 425: "Too Early", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
