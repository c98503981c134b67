/// The languages users are served in (I18N-1).
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Norwegian bokmål.
    case nb
    /// English.
    case en
}
