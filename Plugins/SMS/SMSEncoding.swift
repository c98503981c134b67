/// How a text message is coded on the air: the GSM 03.38 default alphabet in 7-bit septets,
/// or UCS-2 in 16-bit units (UTF-16 in practice: characters outside the Basic Multilingual
/// Plane take a surrogate pair, two units).
public enum SMSEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// GSM 03.38 basic set and extension table; 160 septets in one part, 153 per part when
    /// split (7 go to the concatenation header).
    case gsm7 = "GSM-7"
    /// UCS-2; 70 units in one part, 67 per part when split.
    case ucs2 = "UCS-2"

    /// The units one unsplit message holds.
    public var singlePartCapacity: Int {
        switch self {
        case .gsm7: 160
        case .ucs2: 70
        }
    }

    /// The units each part of a split message holds.
    public var multipartCapacity: Int {
        switch self {
        case .gsm7: 153
        case .ucs2: 67
        }
    }
}
