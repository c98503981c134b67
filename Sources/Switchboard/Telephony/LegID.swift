/// One leg of a call: a connection between the platform and one party (the caller, a
/// member's phone, a transfer target). Written `call-N.I`; leg 0 is the caller's (or, for a
/// click-to-call, the dialing user's own device). The engine hands out leg ids; a driver maps
/// them to its platform's channels.
public struct LegID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The call the leg belongs to.
    public let call: CallID
    /// The leg's position in the call, in order of creation.
    public let index: Int

    /// Names leg `index` of `call`.
    public init(call: CallID, index: Int) {
        self.call = call
        self.index = index
    }

    /// Parses `call-N.I`; nil for anything else.
    public init?(_ text: String) {
        guard let dot = text.lastIndex(of: "."), let call = CallID(String(text[..<dot])),
              let index = Int(text[text.index(after: dot)...]), index >= 0 else { return nil }
        self.init(call: call, index: index)
    }

    /// `call-N.I`.
    public var description: String { "\(call).\(index)" }

    /// Orders by call, then by creation within the call.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.call, lhs.index) < (rhs.call, rhs.index) }

    /// Decodes from `call-N.I`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let id = LegID(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a leg id like call-12.1")
        }
        self = id
    }

    /// Encodes as `call-N.I`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
