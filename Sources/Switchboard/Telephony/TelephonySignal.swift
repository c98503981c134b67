/// What the telephony platform reports to the engine (the calls in of the driver protocol).
public enum TelephonySignal: Sendable, Hashable, Codable {
    /// A call arrived from `from` for `to` (a queue's main number or a user's number). The
    /// engine answers with the new call's leg 0 in the `call.incoming` event.
    case arrived(from: PhoneNumber, to: PhoneNumber)
    /// A leg the engine asked to ring was answered.
    case answered(LegID)
    /// A leg hung up (or a ringing leg was rejected or could not be reached).
    case hungUp(LegID)
    /// The party on a leg pressed a key (`0`–`9`, `*`, `#`).
    case dtmf(LegID, digit: Character)

    private enum CodingKeys: String, CodingKey { case signal, from, to, leg, digit }

    /// Decodes `{"signal": "arrived" | "answered" | "hungUp" | "dtmf", …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .signal) {
        case "arrived":
            self = .arrived(from: try container.decode(PhoneNumber.self, forKey: .from), to: try container.decode(PhoneNumber.self, forKey: .to))
        case "answered": self = .answered(try container.decode(LegID.self, forKey: .leg))
        case "hungUp": self = .hungUp(try container.decode(LegID.self, forKey: .leg))
        case "dtmf":
            let digit = try container.decode(String.self, forKey: .digit)
            guard digit.count == 1, let character = digit.first else {
                throw DecodingError.dataCorruptedError(forKey: .digit, in: container, debugDescription: "expected one key")
            }
            self = .dtmf(try container.decode(LegID.self, forKey: .leg), digit: character)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .signal, in: container, debugDescription: "unknown signal \(other)")
        }
    }

    /// Encodes as `{"signal": …, …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .arrived(let from, let to):
            try container.encode("arrived", forKey: .signal)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        case .answered(let leg):
            try container.encode("answered", forKey: .signal)
            try container.encode(leg, forKey: .leg)
        case .hungUp(let leg):
            try container.encode("hungUp", forKey: .signal)
            try container.encode(leg, forKey: .leg)
        case .dtmf(let leg, let digit):
            try container.encode("dtmf", forKey: .signal)
            try container.encode(leg, forKey: .leg)
            try container.encode(String(digit), forKey: .digit)
        }
    }
}
