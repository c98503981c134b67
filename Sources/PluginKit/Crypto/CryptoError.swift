/// A failure inside OpenSSL's libcrypto.
///
/// The failures are rare (an exhausted or unseeded random generator, a broken
/// libcrypto install) and never carry key material or message contents.
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of operation failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case randomGeneratorFailed
            case digestFailed
            case authenticationCodeFailed
        }

        private let base: Base

        /// `RAND_bytes` could not produce secure random bytes.
        public static let randomGeneratorFailed = Code(base: .randomGeneratorFailed)
        /// A message digest (SHA-256) could not be computed.
        public static let digestFailed = Code(base: .digestFailed)
        /// An HMAC could not be computed.
        public static let authenticationCodeFailed = Code(base: .authenticationCodeFailed)

        /// The code's name, e.g. `randomGeneratorFailed`.
        public var description: String { "\(base)" }
    }

    /// What kind of operation failed.
    public var code: Code
    /// OpenSSL's description of the first queued error, if it gave one.
    public var message: String

    /// Creates an error with a code and a message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }
}
