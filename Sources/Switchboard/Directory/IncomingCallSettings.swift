/// What happens to direct calls (PROF-6; queue calls never use these).
public struct IncomingCallSettings: Sendable, Hashable, Codable {
    /// When nobody answers within `ringTimeout`, the caller reaches the user's voicemail;
    /// otherwise the call ends as timed out.
    public var voicemailOnNoAnswer: Bool
    /// Every direct call goes straight to this number (call forwarding); nil for none.
    public var forwardTo: PhoneNumber?
    /// How long the user's phone rings (each phone, when ringing one after the other).
    public var ringTimeout: Duration

    /// Settings with the given values; by default voicemail on, no forwarding, 20 s.
    public init(voicemailOnNoAnswer: Bool = true, forwardTo: PhoneNumber? = nil, ringTimeout: Duration = .seconds(20)) {
        self.voicemailOnNoAnswer = voicemailOnNoAnswer
        self.forwardTo = forwardTo
        self.ringTimeout = ringTimeout
    }
}

extension IncomingCallSettings {
    private enum CodingKeys: String, CodingKey { case voicemailOnNoAnswer, forwardTo, ringTimeoutMs }

    /// Decodes with the ring timeout in milliseconds (`ringTimeoutMs`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            voicemailOnNoAnswer: try container.decode(Bool.self, forKey: .voicemailOnNoAnswer),
            forwardTo: try container.decodeIfPresent(PhoneNumber.self, forKey: .forwardTo),
            ringTimeout: .milliseconds(try container.decode(Int64.self, forKey: .ringTimeoutMs)))
    }

    /// Encodes with the ring timeout in milliseconds (`ringTimeoutMs`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(voicemailOnNoAnswer, forKey: .voicemailOnNoAnswer)
        try container.encodeIfPresent(forwardTo, forKey: .forwardTo)
        try container.encode(ringTimeout.wholeMilliseconds, forKey: .ringTimeoutMs)
    }
}
