import CCurl
import PluginKit

/// A `curl_slist` (header lines, mail recipients) that is freed with its owner. libcurl does
/// not copy lists, so the owner must stay alive until the transfer has finished.
final class CurlStringList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    /// Builds the list from `lines`, in order.
    init(_ lines: [String]) throws(TransferError) {
        for line in lines {
            guard let appended = curl_slist_append(head, line) else {
                throw TransferError(code: .transfer, message: "libcurl could not allocate a list entry")
            }
            head = appended
        }
    }

    deinit {
        curl_slist_free_all(head)
    }
}
