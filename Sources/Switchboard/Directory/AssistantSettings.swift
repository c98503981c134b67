/// The personal assistant (PA-1), heard on direct calls only, never while the user is
/// Available (unless `activateWhenInCall` and the user is in a call).
public struct AssistantSettings: Sendable, Hashable, Codable {
    /// The assistant answers direct calls when the user is not Available.
    public var enabled: Bool
    /// No assistant when a colleague (a user of the same company) calls.
    public var ignoreForColleagues: Bool
    /// The assistant also answers while the user is in a call, and says so.
    public var activateWhenInCall: Bool
    /// When the caller presses nothing, the user gets an SMS with the caller's number
    /// (`notification.missedCall.requested`).
    public var smsOnMissedCall: Bool
    /// Read before the status and the menu; nil for none.
    public var customMessage: String?
    /// How long the assistant waits for a key after the prompt.
    public var inputTimeout: Duration

    /// Settings with the given values; by default the assistant is off.
    public init(
        enabled: Bool = false, ignoreForColleagues: Bool = false, activateWhenInCall: Bool = false,
        smsOnMissedCall: Bool = false, customMessage: String? = nil, inputTimeout: Duration = .seconds(10)
    ) {
        self.enabled = enabled
        self.ignoreForColleagues = ignoreForColleagues
        self.activateWhenInCall = activateWhenInCall
        self.smsOnMissedCall = smsOnMissedCall
        self.customMessage = customMessage
        self.inputTimeout = inputTimeout
    }
}

extension AssistantSettings {
    private enum CodingKeys: String, CodingKey {
        case enabled, ignoreForColleagues, activateWhenInCall, smsOnMissedCall, customMessage, inputTimeoutMs
    }

    /// Decodes with the input timeout in milliseconds (`inputTimeoutMs`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            enabled: try container.decode(Bool.self, forKey: .enabled),
            ignoreForColleagues: try container.decode(Bool.self, forKey: .ignoreForColleagues),
            activateWhenInCall: try container.decode(Bool.self, forKey: .activateWhenInCall),
            smsOnMissedCall: try container.decode(Bool.self, forKey: .smsOnMissedCall),
            customMessage: try container.decodeIfPresent(String.self, forKey: .customMessage),
            inputTimeout: .milliseconds(try container.decode(Int64.self, forKey: .inputTimeoutMs)))
    }

    /// Encodes with the input timeout in milliseconds (`inputTimeoutMs`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(ignoreForColleagues, forKey: .ignoreForColleagues)
        try container.encode(activateWhenInCall, forKey: .activateWhenInCall)
        try container.encode(smsOnMissedCall, forKey: .smsOnMissedCall)
        try container.encodeIfPresent(customMessage, forKey: .customMessage)
        try container.encode(inputTimeout.wholeMilliseconds, forKey: .inputTimeoutMs)
    }
}
