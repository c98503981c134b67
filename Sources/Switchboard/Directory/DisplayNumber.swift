/// The caller ID shown when a user calls out (PROF-3): their own active number, or the main
/// number of a queue they are a member of.
public enum DisplayNumber: Sendable, Hashable, Codable {
    /// The number of the device the call goes out from.
    case own
    /// The main number of this queue (the user must be a member).
    case queue(QueueID)

    private enum CodingKeys: String, CodingKey { case queue }

    /// Decodes `"own"` or `{"queue": id}`.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self), text == "own" {
            self = .own
            return
        }
        self = .queue(try decoder.container(keyedBy: CodingKeys.self).decode(QueueID.self, forKey: .queue))
    }

    /// Encodes as `"own"` or `{"queue": id}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .own:
            var container = encoder.singleValueContainer()
            try container.encode("own")
        case .queue(let queue):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(queue, forKey: .queue)
        }
    }
}
