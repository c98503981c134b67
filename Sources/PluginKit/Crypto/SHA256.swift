import COpenSSL

/// SHA-256 (FIPS 180-4) message digests.
public enum SHA256 {
    /// The length of a SHA-256 digest in bytes.
    public static let digestLength = 32

    /// The 32-byte SHA-256 digest of `message`.
    public static func digest(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let digest = message.withUnsafeBytes(digest(of:)) else {
            throw CryptoError(code: .digestFailed, message: OpenSSLErrorQueue.drain(fallback: "EVP_Digest failed"))
        }
        return digest
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`.
    public static func digest(_ text: String) throws(CryptoError) -> [UInt8] {
        var text = text
        guard let digest = text.withUTF8({ digest(of: UnsafeRawBufferPointer($0)) }) else {
            throw CryptoError(code: .digestFailed, message: OpenSSLErrorQueue.drain(fallback: "EVP_Digest failed"))
        }
        return digest
    }

    /// The digest of `bytes`, written straight into the array returned; nil if OpenSSL fails.
    private static func digest(of bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        var ok: Int32 = 0
        let digest = [UInt8](unsafeUninitializedCapacity: Int(EVP_MAX_MD_SIZE)) { buffer, count in
            var length: UInt32 = 0
            ok = EVP_Digest(bytes.baseAddress, bytes.count, buffer.baseAddress, &length, algorithm, nil)
            count = ok == 1 ? Int(length) : 0
        }
        return ok == 1 && digest.count == digestLength ? digest : nil
    }

    /// SHA-256 fetched from the default provider once: with `EVP_sha256()` OpenSSL 3 looks the
    /// algorithm up again on every digest, under a lock all threads share (a bearer token is
    /// hashed on every API request). An `EVP_MD` may be used from any thread; OpenSSL
    /// reference-counts it.
    nonisolated(unsafe) private static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()
}
