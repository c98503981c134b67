/// HTTP header fields in the order they were added; names compare case-insensitively.
///
/// A name may occur more than once (e.g. `Set-Cookie`); the subscript reads the first value
/// and replaces all of them. Printing headers shows credential-bearing fields
/// (`Authorization`, `Cookie`, …) as `<redacted>`, so a logged request or response does not
/// leak them. Shared by the HTTP client, the HTTP server and plugins.
public struct HTTPHeaders: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One header field as sent or received.
    public struct Field: Hashable, Sendable {
        /// The field name as written (compare case-insensitively).
        public var name: String
        /// The field value without surrounding whitespace.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// Creates headers from fields, keeping their order.
    public init(_ fields: [Field] = []) { self.fields = fields }

    /// Creates headers from `["Name": "value"]`, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value of the field `name` (any case); setting replaces every field of that
    /// name, or removes them all when set to nil.
    public subscript(name: String) -> String? {
        get { fields.first { Self.sameName($0.name, name) }?.value }
        set {
            remove(name)
            if let newValue { add(name: name, value: newValue) }
        }
    }

    /// Every value of the field `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Whether a field `name` (any case) is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field `name` (any case).
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// `Name: value` lines with credential-bearing values redacted.
    public var description: String {
        fields.map { "\($0.name): \(Self.isSensitive($0.name) ? "<redacted>" : $0.value)" }.joined(separator: "\n")
    }

    /// Whether a field of this name carries credentials and must not be logged.
    public static func isSensitive(_ name: String) -> Bool {
        sensitiveNames.contains(name.lowercased())
    }

    private static let sensitiveNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-amz-security-token",
    ]

    private static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        // Byte by byte while both are ASCII (real field names are), without the copies
        // `lowercased()` makes; a non-ASCII byte leaves the rest to `lowercased()`.
        for (left, right) in zip(lhs.utf8, rhs.utf8) {
            guard left < 0x80, right < 0x80 else { return lhs.lowercased() == rhs.lowercased() }
            guard left == right || asciiLowercase(left) == asciiLowercase(right) else { return false }
        }
        return true
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
    }
}
