public import PluginKit
import Foundation

/// How a provider's HTTP answer maps to ``PluginError`` kinds, the same for every HTTP
/// provider: 401/403 mean the credentials are wrong (`misconfigured`), 429 means slow down
/// (`rateLimited`), 408 and 5xx mean try later (`transient`), any other 4xx means this message
/// will never be accepted (`permanent`). A transfer failure is `transient`.
public enum ProviderAnswer {
    /// The error for a non-2xx `response` from `provider`; `detail` is the provider's own
    /// error text (never containing our credentials).
    public static func error(provider: String, status: Int, detail: String) -> PluginError {
        let message = "\(provider) answered \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        switch status {
        case 401, 403: return .misconfigured(message)
        case 429: return .rateLimited(retryAfter: nil, message)
        case 408, 500...: return .transient(message)
        default: return .permanent(message)
        }
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
