import CCurl
import CShims
import PluginKit

/// One libcurl easy handle with typed, throwing option setters.
///
/// Confined to the worker thread that created it (see ``TransferWorkers``); reused for
/// one transfer after another so connections are kept alive between them.
final class CurlHandle {
    /// `curl_global_init`, run once per process before the first handle exists.
    private static let globalInitialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    let raw: UnsafeMutableRawPointer

    /// A new handle, or nil when libcurl cannot make one (out of memory or failed global init).
    init?() {
        guard Self.globalInitialization == CURLE_OK, let raw = curl_easy_init() else { return nil }
        self.raw = raw
    }

    deinit {
        curl_easy_cleanup(raw)
    }

    /// Clears every option for the next transfer, keeping live connections and caches.
    func reset() {
        curl_easy_reset(raw)
    }

    func set(_ option: CURLoption, _ value: Int) throws(TransferError) {
        try check(sb_curl_setopt_long(raw, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(TransferError) {
        try check(sb_curl_setopt_string(raw, option, value), option)
    }

    func set(_ option: CURLoption, size: Int) throws(TransferError) {
        try check(sb_curl_setopt_off_t(raw, option, size), option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(TransferError) {
        try check(sb_curl_setopt_pointer(raw, option, pointer), option)
    }

    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws(TransferError) {
        try check(sb_curl_setopt_slist(raw, option, list), option)
    }

    func set(_ option: CURLoption, writer: curl_write_callback) throws(TransferError) {
        try check(sb_curl_setopt_write_callback(raw, option, writer), option)
    }

    func set(_ option: CURLoption, reader: curl_read_callback) throws(TransferError) {
        try check(sb_curl_setopt_read_callback(raw, option, reader), option)
    }

    func set(_ option: CURLoption, progress: curl_xferinfo_callback) throws(TransferError) {
        try check(sb_curl_setopt_xferinfo_callback(raw, option, progress), option)
    }

    /// Runs the transfer to completion on the calling thread.
    func perform() -> CURLcode {
        curl_easy_perform(raw)
    }

    /// The last response's status code (0 when none arrived).
    func responseCode() -> Int {
        var code = 0
        _ = sb_curl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransferError) {
        guard code == CURLE_OK else {
            throw TransferError(
                code: .invalidRequest, curlCode: Int(code.rawValue),
                message: "libcurl refused option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
