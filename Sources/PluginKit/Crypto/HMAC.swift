import COpenSSL

/// Keyed-hash message authentication codes (RFC 2104), e.g. for signing webhooks
/// (HMAC-SHA256) or checking Twilio request signatures (HMAC-SHA1).
///
/// Compare a received code with the expected one using ``ConstantTime/equals(_:_:)``,
/// never `==`, so the comparison does not leak how many leading bytes matched.
public enum HMAC {
    /// The hash function under the HMAC.
    public enum Algorithm: Hashable, Sendable {
        /// SHA-1, 20-byte codes. Only for peers that require it (Twilio signatures).
        case sha1
        /// SHA-256, 32-byte codes.
        case sha256

        /// The length of a code in bytes.
        public var codeLength: Int {
            switch self {
            case .sha1: 20
            case .sha256: 32
            }
        }

        fileprivate var digest: OpaquePointer? {
            switch self {
            case .sha1: EVP_sha1()
            case .sha256: EVP_sha256()
            }
        }
    }

    /// The authentication code of `message` under `key`. Any key length is allowed: keys
    /// longer than the hash's block size are hashed first, as RFC 2104 specifies.
    public static func code(
        for message: [UInt8], key: [UInt8], algorithm: Algorithm
    ) throws(CryptoError) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // OpenSSL wants a non-null key pointer even for an empty key.
        let keyBytes = key.isEmpty ? [0] : key
        let result = keyBytes.withUnsafeBytes { keyBuffer in
            message.withUnsafeBytes { messageBuffer in
                COpenSSL.HMAC(
                    algorithm.digest, keyBuffer.baseAddress, Int32(key.count),
                    messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBuffer.count,
                    &code, &length)
            }
        }
        guard result != nil, Int(length) == algorithm.codeLength else {
            throw CryptoError(
                code: .authenticationCodeFailed, message: OpenSSLErrorQueue.drain(fallback: "HMAC failed"))
        }
        return Array(code.prefix(algorithm.codeLength))
    }

    /// The authentication code of the UTF-8 bytes of `message` under the UTF-8 bytes of `key`.
    public static func code(for message: String, key: String, algorithm: Algorithm) throws(CryptoError) -> [UInt8] {
        try code(for: Array(message.utf8), key: Array(key.utf8), algorithm: algorithm)
    }
}
