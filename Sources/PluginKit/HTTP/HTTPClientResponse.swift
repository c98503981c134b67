/// A complete HTTP response. Any status counts as a response, 4xx and 5xx included: the
/// caller decides what a status means.
public struct HTTPClientResponse: Sendable {
    /// The status code of the final response (after followed redirects).
    public var status: Int
    /// The final response's header fields.
    public var headers: HTTPHeaders
    /// The body, decoded from any `Content-Encoding` libcurl understands.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
