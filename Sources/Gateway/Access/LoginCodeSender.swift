public import Switchboard

/// How a one-time login code is delivered to the user logging in (LOGIN-1).
public enum LoginChannel: String, Sendable, Hashable, CaseIterable, Codable {
    /// A text message to the number.
    case sms
    /// A call to the number that reads the code out.
    case call
}

/// Delivers one-time login codes. The gateway picks one from `[auth] code_delivery`.
public protocol LoginCodeSender: Sendable {
    /// Sends `code` to `number` over `channel` in `language`; throws when it cannot.
    func send(code: String, to number: PhoneNumber, channel: LoginChannel, language: Language) async throws
}
