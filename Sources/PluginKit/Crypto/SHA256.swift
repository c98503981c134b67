import COpenSSL

/// SHA-256 (FIPS 180-4) message digests.
public enum SHA256 {
    /// The length of a SHA-256 digest in bytes.
    public static let digestLength = 32

    /// The 32-byte SHA-256 digest of `message`.
    public static func digest(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = message.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        guard ok == 1, Int(length) == digestLength else {
            throw CryptoError(code: .digestFailed, message: OpenSSLErrorQueue.drain(fallback: "EVP_Digest failed"))
        }
        return Array(digest.prefix(digestLength))
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`.
    public static func digest(_ text: String) throws(CryptoError) -> [UInt8] {
        try digest(Array(text.utf8))
    }
}
