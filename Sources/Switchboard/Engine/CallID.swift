/// The identifier of a call, unique within its company: `call-` and a number the tenant's
/// engine hands out in order, starting at 1 (deterministic, restored with the state).
public struct CallID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The call's number in its company, in order of creation.
    public let number: UInt64

    /// Names call `number`.
    public init(number: UInt64) { self.number = number }

    /// Parses `call-N`; nil for anything else.
    public init?(_ text: String) {
        guard text.hasPrefix("call-"), let number = UInt64(text.dropFirst(5)) else { return nil }
        self.number = number
    }

    /// `call-N`.
    public var description: String { "call-\(number)" }

    /// Orders by creation.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }

    /// Decodes from `call-N`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let id = CallID(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a call id like call-12")
        }
        self = id
    }

    /// Encodes as `call-N`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
