/// Where an SMS is in its life. Only messages a provider accepted are charged.
///
/// `reserved` → `accepted` → `delivered` / `failed` (provider callbacks); `reserved` →
/// `released` when the provider refused it for good; `reserved` → `dropped` when it expired
/// before it could be sent; a missed-call notice the spend cap refused is recorded `dropped`
/// at once; `merged` rows record a missed-call notice folded into another row's SMS (never
/// sent on their own).
public enum SMSLedgerStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Recorded before sending; sent (again) until the provider accepts or refuses it.
    case reserved
    /// The provider accepted it: charged.
    case accepted
    /// The provider reported it delivered: charged.
    case delivered
    /// The provider reported it undeliverable after accepting it: charged (the provider bills it).
    case failed
    /// The provider refused it for good: not charged.
    case released
    /// Not sent: expired, or a missed-call notice over the spend cap. Not charged.
    case dropped
    /// Folded into another row's SMS. Not charged.
    case merged

    /// Whether a message in this status is billed.
    public var isCharged: Bool {
        switch self {
        case .accepted, .delivered, .failed: true
        case .reserved, .released, .dropped, .merged: false
        }
    }
}
