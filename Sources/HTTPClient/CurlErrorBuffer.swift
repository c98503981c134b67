import CCurl
import PluginKit

/// The `CURLOPT_ERRORBUFFER` of one transfer: libcurl writes its detailed message here.
final class CurlErrorBuffer {
    private let storage: UnsafeMutablePointer<CChar>

    init() {
        storage = .allocate(capacity: Int(CURL_ERROR_SIZE))
        storage.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        storage.deallocate()
    }

    /// Registers the buffer with `handle`; the buffer must outlive the transfer.
    func attach(to handle: CurlHandle) throws(TransferError) {
        try handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(storage))
    }

    /// libcurl's message, or nil when it wrote none.
    var message: String? {
        let text = String(cString: storage)
        return text.isEmpty ? nil : text
    }
}
