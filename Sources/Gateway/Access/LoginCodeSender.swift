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
    /// Whether this sender can deliver over `channel`.
    func supports(_ channel: LoginChannel) -> Bool
    /// Sends `code` to `number` (a user of `tenant`) over `channel` in `language`, asked for
    /// from `clientAddress`; throws when it cannot.
    func send(code: String, to number: PhoneNumber, tenant: TenantID, channel: LoginChannel, language: Language, clientAddress: String?) async throws
}
