import COpenSSL

/// The OpenSSL libcrypto linked at run time.
public enum OpenSSLLibrary {
    /// Its version text, e.g. `OpenSSL 3.0.17 1 Jul 2025`.
    public static var version: String { String(cString: OpenSSL_version(Int32(OPENSSL_VERSION))) }
}
