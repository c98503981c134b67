public import Foundation
public import PluginKit

/// One HTTP request as a handler sees it: everything is read, nothing is pending.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The path as sent, still percent-encoded, without the query (e.g. `/api/v1/users/a%20b`).
    public var path: String
    /// The path's non-empty segments, percent-decoded (e.g. `["api", "v1", "users", "a b"]`);
    /// a segment that is not valid percent-encoding is kept as sent.
    public var pathSegments: [String]
    /// The query as sent, without the `?` (empty when there is none).
    public var query: String
    /// The query's `name=value` pairs in order, with `+` read as a space and percent-decoded;
    /// a pair without `=` has a `nil` value. Parsed from ``query`` when asked for: most
    /// requests never look (a kept answer is found by the query as sent).
    public var queryItems: [URLQueryItem] { Self.parseQuery(query) }
    /// The request header fields.
    public var headers: HTTPHeaders
    /// The request body (empty when there is none).
    public var body: Data
    /// The peer's numeric IP address, if known.
    public var remoteAddress: String?
    /// The values of the route's `:name` segments, percent-decoded; filled by ``Router``.
    public var parameters: [String: String]

    /// Creates a request from a request target (`/path?query`), as the server does; use it to
    /// test a ``Router`` or any ``HTTPResponder`` without sockets.
    public init(
        method: HTTPMethod,
        target: String,
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data(),
        remoteAddress: String? = nil
    ) {
        // Byte-wise: splitting a String by Characters, and Foundation's `contains` for one
        // byte, were a tenth of a kept answer's cost.
        let separator = target.utf8.firstIndex(of: UInt8(ascii: "?"))
        self.method = method
        self.path = separator.map { String(target[..<$0]) } ?? target
        self.query = separator.map { String(target[target.utf8.index(after: $0)...]) } ?? ""
        self.pathSegments = path.utf8.split(separator: UInt8(ascii: "/")).map { bytes in
            let segment = Substring(bytes)
            // Foundation's decoding is slow; a segment without `%` has nothing to decode.
            return bytes.contains(UInt8(ascii: "%")) ? segment.removingPercentEncoding ?? String(segment) : String(segment)
        }
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.parameters = [:]
    }

    /// The first value of the query item `name`, or `nil` if it is absent or has no value.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Decodes the body as JSON.
    public func decode<Value: Decodable>(
        _ type: Value.Type, decoder: JSONDecoder = JSONDecoder()
    ) throws -> Value {
        try decoder.decode(type, from: body)
    }

    private static func parseQuery(_ query: String) -> [URLQueryItem] {
        query.utf8.split(separator: UInt8(ascii: "&")).map { pair in
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else {
                return URLQueryItem(name: decodeQueryComponent(Substring(pair)), value: nil)
            }
            let name = Substring(pair[..<equals])
            let value = Substring(pair[pair.index(after: equals)...])
            return URLQueryItem(name: decodeQueryComponent(name), value: decodeQueryComponent(value))
        }
    }

    private static func decodeQueryComponent(_ component: Substring) -> String {
        // Foundation's replacing and decoding are slow; most components need neither.
        guard component.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(component)
        }
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
