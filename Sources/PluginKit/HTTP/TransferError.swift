/// Why an HTTP request or an SMTP send failed before a response arrived.
///
/// An HTTP response with any status (404, 500, …) is not a `TransferError`: it is returned
/// as an ``HTTPClientResponse``. Messages never contain passwords, secret keys or
/// `Authorization` values: they are removed before the error is made.
public struct TransferError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case timeout, couldNotConnect, couldNotResolveHost, invalidURL, invalidRequest
            case tooManyRedirects, responseTooLarge, tls, loginDenied, cancelled, shutDown, transfer
        }

        private let base: Base

        /// The request's timeout passed before the transfer completed (curl code 28).
        public static let timeout = Code(base: .timeout)
        /// The peer refused or did not accept the connection (curl code 7).
        public static let couldNotConnect = Code(base: .couldNotConnect)
        /// The host name did not resolve (curl code 6).
        public static let couldNotResolveHost = Code(base: .couldNotResolveHost)
        /// The URL is malformed or uses a scheme this client does not allow.
        public static let invalidURL = Code(base: .invalidURL)
        /// The request itself is unusable (e.g. a header with a line break).
        public static let invalidRequest = Code(base: .invalidRequest)
        /// More redirects than the request allows (curl code 47).
        public static let tooManyRedirects = Code(base: .tooManyRedirects)
        /// The response body exceeded the request's limit.
        public static let responseTooLarge = Code(base: .responseTooLarge)
        /// TLS could not be established or the peer's certificate was refused.
        public static let tls = Code(base: .tls)
        /// The server refused the credentials (SMTP AUTH; curl code 67).
        public static let loginDenied = Code(base: .loginDenied)
        /// The calling task was cancelled; the transfer was aborted.
        public static let cancelled = Code(base: .cancelled)
        /// The client was shut down before the transfer could start.
        public static let shutDown = Code(base: .shutDown)
        /// Any other failure; see ``TransferError/curlCode`` and the message.
        public static let transfer = Code(base: .transfer)

        /// The code's name, e.g. `timeout`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// libcurl's `CURLcode`, when libcurl reported the failure.
    public var curlCode: Int?
    /// What happened, with any secret of the request removed.
    public var message: String

    /// Creates an error. Callers outside this module use it for test doubles.
    public init(code: Code, curlCode: Int? = nil, message: String) {
        self.code = code
        self.curlCode = curlCode
        self.message = message
    }

    /// `code (curl N): message`, for logs.
    public var description: String {
        let curl = curlCode.map { " (curl \($0))" } ?? ""
        return "\(code)\(curl): \(message)"
    }
}
