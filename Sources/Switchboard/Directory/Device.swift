/// Which of a user's numbers a call uses (AV-2, PROF-4): the mobile number or the IP/Teams
/// number.
public enum Device: String, Sendable, Hashable, Codable, CaseIterable {
    /// The mobile number.
    case mobile
    /// The IP/Teams number.
    case ipNumber
}
