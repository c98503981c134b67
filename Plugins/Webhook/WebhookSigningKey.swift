public import PluginKit
import Foundation

/// One Standard Webhooks signing key: the bytes after `whsec_` in a secret, base64-decoded.
/// Printing a key shows where it came from, never its bytes.
public struct WebhookSigningKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Why a secret is not a usable signing key. The message never contains the secret.
    public struct Rejection: Error, Sendable, Equatable {
        /// What is wrong, phrased as what was expected.
        public var message: String
    }

    /// The fewest key bytes accepted; the Standard Webhooks spec asks for 24 to 64.
    public static let minimumLength = 24

    private let bytes: [UInt8]
    /// Where the secret came from (`env:NAME` or `file:PATH`); safe to show.
    public let source: Secret.Source

    /// Reads `secret`, which must be `whsec_` followed by the base64 of at least
    /// ``minimumLength`` bytes.
    public init(secret: Secret) throws(Rejection) {
        let text = secret.reveal()
        guard text.hasPrefix("whsec_") else {
            throw Rejection(message: "\(secret.source) does not start with \"whsec_\" (expected whsec_ followed by base64)")
        }
        guard let decoded = Data(base64Encoded: String(text.dropFirst(6))) else {
            throw Rejection(message: "\(secret.source) is not valid base64 after \"whsec_\"")
        }
        guard decoded.count >= Self.minimumLength else {
            throw Rejection(
                message: "\(secret.source) holds a \(decoded.count)-byte key; at least \(Self.minimumLength) bytes are needed")
        }
        bytes = Array(decoded)
        source = secret.source
    }

    /// `v1,<base64 HMAC-SHA256 of content>`: one entry of the `webhook-signature` header.
    func signature(of content: [UInt8]) throws(CryptoError) -> String {
        "v1," + Data(try HMAC.code(for: content, key: bytes, algorithm: .sha256)).base64EncodedString()
    }

    /// `signing key from env:NAME`.
    public var description: String { "signing key from \(source)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows only the source, so `dump` and debuggers do not reveal the key.
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
