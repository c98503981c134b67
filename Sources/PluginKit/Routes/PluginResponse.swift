public import Foundation

/// What a plugin's route answers: a status, header fields and a body, either whole or
/// produced a chunk at a time as the client reads (a large export).
public struct PluginResponse: Sendable {
    /// A response body.
    public enum Body: Sendable {
        /// The whole body.
        case bytes(Data)
        /// A body produced as the client reads it.
        case stream(any PluginResponseStream)
    }

    /// The HTTP status code.
    public var statusCode: Int
    /// The header fields (`Content-Type` included).
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body

    /// A response.
    public init(statusCode: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: Body = .bytes(Data())) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// `value` as JSON (`application/json`) with `statusCode`.
    ///
    /// - Throws: the encoder's error when `value` cannot be encoded.
    public static func json<Value: Encodable>(_ value: Value, statusCode: Int = 200) throws -> PluginResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return PluginResponse(statusCode: statusCode, headers: ["Content-Type": "application/json"], body: .bytes(try encoder.encode(value)))
    }

    /// 204 No Content.
    public static let noContent = PluginResponse(statusCode: 204)
}

/// A response body made a chunk at a time as the client reads it.
public protocol PluginResponseStream: Sendable {
    /// The next chunk, or nil after the last.
    func next() async throws -> Data?
}
