import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG (`RAND_bytes`), for tokens,
/// one-time codes and nonces.
public enum SecureRandom {
    /// `count` random bytes. Throws rather than return weak bytes when the generator is not
    /// (or can no longer be) seeded.
    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        precondition(count >= 0, "SecureRandom.bytes(count:) needs a non-negative count")
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let result = bytes.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        guard result == 1 else {
            throw CryptoError(
                code: .randomGeneratorFailed, message: OpenSSLErrorQueue.drain(fallback: "RAND_bytes failed"))
        }
        return bytes
    }
}
