/// One outgoing HTTP(S) request: what to send, where, and how long to wait.
public struct HTTPClientRequest: Sendable {
    /// The method; default `GET`.
    public var method: HTTPMethod
    /// The absolute `http://` or `https://` URL. Other schemes are refused.
    public var url: String
    /// Header fields to send. Names and values must not contain line breaks.
    public var headers: HTTPHeaders
    /// The body to send, copied by libcurl; nil sends none. With a body and no
    /// `Content-Type` header, libcurl sends `application/x-www-form-urlencoded`.
    public var body: [UInt8]?
    /// The limit for the whole transfer (connect, send, receive); default 30 seconds.
    public var timeout: Duration
    /// Credentials to apply, if any.
    public var authentication: HTTPAuthentication?
    /// How many redirects to follow; default 0 (a 3xx response is returned as it is).
    public var maximumRedirects: Int
    /// The largest response body accepted; default 16 MiB. A larger body fails the request
    /// with ``TransferError/Code/responseTooLarge``.
    public var maximumResponseBytes: Int

    /// Creates a request; every parameter but the URL has the default named on its property.
    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [:], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30), authentication: HTTPAuthentication? = nil,
        maximumRedirects: Int = 0, maximumResponseBytes: Int = 16 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.authentication = authentication
        self.maximumRedirects = maximumRedirects
        self.maximumResponseBytes = maximumResponseBytes
    }
}
