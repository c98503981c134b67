/// The texts the gateway writes itself, per purpose, in Norwegian and English. User-written
/// texts (colleague, caller, phone) are sent as written, signed with the sender's name when
/// one is given.
public enum SMSTemplates {
    /// PA-1: `count` missed calls from `caller`, the last at `time` (`HH:mm`), through `queue`
    /// when there was one. One call: "Tapt anrop fra +4722334455 kl. 09:15."; several:
    /// "3 tapte anrop fra +4722334455, siste kl. 09:20."
    public static func missedCall(count: Int, caller: String, time: String, queue: String?, language: SMSLanguage) -> String {
        switch language {
        case .nb:
            let via = queue.map { " (kø \($0))" } ?? ""
            return count == 1
                ? "Tapt anrop fra \(caller) kl. \(time)\(via)."
                : "\(count) tapte anrop fra \(caller), siste kl. \(time)\(via)."
        case .en:
            let via = queue.map { " (queue \($0))" } ?? ""
            return count == 1
                ? "Missed call from \(caller) at \(time)\(via)."
                : "\(count) missed calls from \(caller), the last at \(time)\(via)."
        }
    }

    /// LOGIN-1: the one-time code and how long it is valid.
    public static func loginCode(_ code: String, validMinutes: Int, language: SMSLanguage) -> String {
        switch language {
        case .nb: "Din innloggingskode er \(code). Den gjelder i \(validMinutes) minutter. Ikke del den med noen."
        case .en: "Your login code is \(code). It is valid for \(validMinutes) minutes. Do not share it."
        }
    }

    /// DIR-2, LOG-3, PHONE-1: a user's own text, signed "- NAME" (a GSM hyphen) when `senderName` is given.
    public static func userMessage(_ text: String, senderName: String?, language: SMSLanguage) -> String {
        guard let senderName, !senderName.isEmpty else { return text }
        return "\(text)\n- \(senderName)"
    }
}
