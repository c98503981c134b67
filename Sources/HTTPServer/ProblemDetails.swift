import Foundation

/// An RFC 9457 problem object, the body of every error response (`application/problem+json`).
///
/// `type` is a stable URI that identifies the kind of problem (default `about:blank`, which
/// means "just the HTTP status"); `title` is a short summary of that type, `detail` explains
/// this occurrence, `instance` identifies it (usually the request path). ``extensions`` holds
/// extension members such as an `errors` array for validation failures; their names must
/// differ from the standard members.
public struct ProblemDetails: Sendable, Encodable {
    /// The prefix of every problem type the server and its routes send:
    /// `urn:sentralbord:problem:NAME`.
    public static let typePrefix = "urn:sentralbord:problem:"

    /// A URI identifying the problem type.
    public var type: String
    /// A short, human-readable summary of the problem type.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// An explanation of this occurrence, safe to show to the client.
    public var detail: String?
    /// A URI reference identifying this occurrence.
    public var instance: String?
    /// Extension members, encoded beside the standard members.
    public var extensions: [String: any Encodable & Sendable]

    /// Creates a problem; `title` defaults to the status's reason phrase.
    public init(
        type: String = "about:blank",
        title: String? = nil,
        status: HTTPStatus,
        detail: String? = nil,
        instance: String? = nil,
        extensions: [String: any Encodable & Sendable] = [:]
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.instance = instance
        self.extensions = extensions
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ stringValue: String) {
            self.stringValue = stringValue
        }

        init?(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }

    private static let standardMembers: Set<String> = ["type", "title", "status", "detail", "instance"]

    /// Encodes the standard members and then the extension members; an extension member named
    /// like a standard member is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(type, forKey: Key("type"))
        try container.encode(title, forKey: Key("title"))
        try container.encode(status, forKey: Key("status"))
        try container.encodeIfPresent(detail, forKey: Key("detail"))
        try container.encodeIfPresent(instance, forKey: Key("instance"))
        for (name, value) in extensions where !Self.standardMembers.contains(name) {
            try container.encode(value, forKey: Key(name))
        }
    }

    /// The JSON body; a problem whose extension members cannot be encoded is sent without them,
    /// so an error response is always produced.
    func encoded() -> Data {
        let encoder = JSONEncoder.sortedKeys
        if let data = try? encoder.encode(self) {
            return data
        }
        var plain = self
        plain.extensions = [:]
        return (try? encoder.encode(plain)) ?? Data()
    }
}
