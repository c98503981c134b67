import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue.
enum OpenSSLErrorQueue {
    /// The text of the oldest queued error (or a fallback), leaving the queue empty so the
    /// next failure on this thread starts clean.
    static func drain(fallback: String) -> String {
        let first = ERR_get_error()
        ERR_clear_error()
        guard first != 0 else { return fallback }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(first, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
