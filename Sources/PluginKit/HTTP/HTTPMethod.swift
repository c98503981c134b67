/// An HTTP request method, compared exactly (methods are case-sensitive, RFC 9110 §9.1).
/// Any token is allowed, so WebDAV/CalDAV methods (`PROPFIND`, `REPORT`, `MKCALENDAR`) work
/// like the common ones. Shared by the HTTP client, the HTTP server and plugins.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The method token as sent on the wire, e.g. `GET`.
    public let rawValue: String

    /// Creates a method from its token.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a method from a string literal such as `"PROPFIND"`.
    public init(stringLiteral value: String) { rawValue = value }

    /// `GET`
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`: the response has headers only.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST`
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `OPTIONS`
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    /// The method token.
    public var description: String { rawValue }
}
