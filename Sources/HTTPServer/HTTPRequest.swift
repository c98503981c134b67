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
    /// a pair without `=` has a `nil` value.
    public var queryItems: [URLQueryItem]
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
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.method = method
        self.path = String(parts[0])
        self.query = parts.count > 1 ? String(parts[1]) : ""
        self.pathSegments = path.split(separator: "/").map { segment in
            // Foundation's decoding is slow; a segment without `%` has nothing to decode.
            segment.contains("%") ? segment.removingPercentEncoding ?? String(segment) : String(segment)
        }
        self.queryItems = Self.parseQuery(query)
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
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decodeQueryComponent(parts[0])
            return URLQueryItem(name: name, value: parts.count > 1 ? decodeQueryComponent(parts[1]) : nil)
        }
    }

    private static func decodeQueryComponent(_ component: Substring) -> String {
        // Foundation's replacing and decoding are slow; most components need neither.
        guard component.contains(where: { $0 == "+" || $0 == "%" }) else { return String(component) }
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
