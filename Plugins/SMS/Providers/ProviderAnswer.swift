public import PluginKit
import Foundation

/// How a provider's HTTP answer maps to ``PluginError`` kinds, the same for every HTTP
/// provider: 401/403 mean the credentials are wrong (`misconfigured`), 429 means slow down
/// (`rateLimited`), 408 and 5xx mean try later (`transient`), any other 4xx means this message
/// will never be accepted (`permanent`). A transfer failure is `transient`.
public enum ProviderAnswer {
    /// The error for a non-2xx answer from `provider` to `message`. What a provider answers
    /// may echo the request (common for HTTP gateways), so the error keeps only the status,
    /// the provider's error `code` (an identifier such as `21211` or `InvalidParameter`) and a
    /// redacted excerpt of `answer` (``redactedExcerpt(of:sent:secrets:)``): the message text,
    /// the numbers and `secrets` never reach a log line, a ledger row or an API answer.
    public static func error(
        provider: String, status: Int, code: String? = nil, answer: String, sent message: SMSMessage, secrets: [String] = []
    ) -> PluginError {
        var text = "\(provider) answered \(status)"
        if let code = code.flatMap(errorCode) { text += " (code \(code))" }
        let excerpt = redactedExcerpt(of: answer, sent: message, secrets: secrets)
        if !excerpt.isEmpty { text += ": \(excerpt)" }
        switch status {
        case 401, 403: return .misconfigured(text)
        case 429: return .rateLimited(retryAfter: nil, text)
        case 408, 500...: return .transient(text)
        default: return .permanent(text)
        }
    }

    /// The longest excerpt of an answer an error keeps, in characters.
    public static let excerptLimit = 120

    /// `answer` as it may be shown: the message's text, recipient and sender and each of
    /// `secrets` (as sent: plain, percent-encoded, form-encoded, JSON-escaped) replaced by
    /// `[redacted]`, every run of three or more digits (a login code, a phone number, however
    /// the provider wrote it) masked as `***`, control characters as spaces, at most
    /// ``excerptLimit`` characters.
    public static func redactedExcerpt(of answer: String, sent message: SMSMessage, secrets: [String] = []) -> String {
        var text = answer
        let sensitive = [message.text, message.recipient, message.sender] + secrets
        let forms = sensitive.filter { $0.count >= 3 }.flatMap { value in
            [value, FormEncoding.percentEncode(value), FormEncoding.percentEncode(value).replacingOccurrences(of: "%20", with: "+"),
             HTTPTemplateProvider.jsonEscape(value)]
        }
        for form in Set(forms).sorted(by: { $0.count > $1.count }) where !form.isEmpty {
            text = text.replacingOccurrences(of: form, with: "[redacted]")
        }
        var masked = ""
        var digits = 0
        for character in text + " " {
            if character.isASCII, character.isNumber {
                digits += 1
                masked.append(character)
                continue
            }
            if digits >= 3 {
                masked.removeLast(digits)
                masked += "***"
            }
            digits = 0
            let isControl = character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
            masked.append(isControl ? " " : character)
        }
        let trimmed = masked.trimmingCharacters(in: .whitespaces)
        return trimmed.count > excerptLimit ? String(trimmed.prefix(excerptLimit)) + "…" : trimmed
    }

    /// `code` when it looks like a provider's error identifier (letters, digits, `.`, `_`,
    /// `-`, at most 40), else nil: anything else is not kept.
    static func errorCode(_ code: String) -> String? {
        guard (1...40).contains(code.count),
            code.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) })
        else { return nil }
        return code
    }

    /// The error for a request `provider` never answered.
    public static func error(provider: String, transfer: TransferError) -> PluginError {
        .transient("\(provider) not reached: \(transfer.code)")
    }

    /// The text between the first `<tag>` and `</tag>` in `xml`, if any (AWS answers in XML).
    public static func xmlElement(_ tag: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(tag)>"), let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
