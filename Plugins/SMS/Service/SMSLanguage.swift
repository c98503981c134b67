/// The languages SMS templates exist in; anything else falls back to Norwegian.
public enum SMSLanguage: String, Sendable, Hashable, CaseIterable {
    /// Norwegian bokmål.
    case nb
    /// English.
    case en

    /// `nb` or `en` from a language tag (`nb`, `nb-NO`, `no`, `en-GB`, …); Norwegian otherwise.
    public init(tag: String?) {
        self = tag?.lowercased().hasPrefix("en") == true ? .en : .nb
    }
}
