public import PluginKit
import Foundation

/// Twilio's request signature (https://www.twilio.com/docs/usage/security#validating-requests):
/// `X-Twilio-Signature` is the Base64 HMAC-SHA1, keyed with the auth token, of the full URL
/// Twilio posted to followed by every form field's name and value, sorted by name.
public enum TwilioSignature {
    /// The signature of a form POST to `url` with `fields` under `authToken`.
    public static func signature(url: String, fields: [(String, String)], authToken: Secret) throws(CryptoError) -> String {
        let sorted = fields.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
        let content = url + sorted.map { $0.0 + $0.1 }.joined()
        let code = try HMAC.code(for: Array(content.utf8), key: Array(authToken.reveal().utf8), algorithm: .sha1)
        return Data(code).base64EncodedString()
    }

    /// Whether `signature` (the header's value) is right for that POST; compared in constant time.
    public static func isValid(signature: String, url: String, fields: [(String, String)], authToken: Secret) -> Bool {
        guard let expected = try? Self.signature(url: url, fields: fields, authToken: authToken) else { return false }
        return ConstantTime.equals(Array(expected.utf8), Array(signature.utf8))
    }
}
