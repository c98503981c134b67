import Foundation
import PluginKit

/// Bearer tokens: session tokens (`sbs_…`) and API keys (`sbk_…`), each 256 random bits in
/// base64url. Only their SHA-256 is stored; ``hash(_:)`` is what lookups compare.
enum AccessToken {
    /// The prefix of session tokens.
    static let sessionPrefix = "sbs_"
    /// The prefix of API keys created by the gateway (configured keys may look different).
    static let apiKeyPrefix = "sbk_"

    /// A new token with `prefix`.
    static func generate(prefix: String) throws(CryptoError) -> String {
        prefix + base64URL(try SecureRandom.bytes(count: 32))
    }

    /// A new random id of `byteCount` bytes in base64url (challenge ids, key ids).
    static func randomID(byteCount: Int = 12) throws(CryptoError) -> String {
        base64URL(try SecureRandom.bytes(count: byteCount))
    }

    /// The SHA-256 of a token, as stored.
    static func hash(_ token: String) throws(CryptoError) -> [UInt8] {
        try SHA256.digest(token)
    }

    /// Base64url without padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
