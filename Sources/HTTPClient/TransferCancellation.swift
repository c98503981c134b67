import CCurl
import PluginKit
import Synchronization

/// A flag a cancelled task raises and the transfer's progress callback reads, which makes
/// libcurl abort a running transfer (`CURLE_ABORTED_BY_CALLBACK`).
final class TransferCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Asks the transfer to stop.
    func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Wires the flag into `handle`'s progress callback; `self` must outlive the transfer.
    func attach(to handle: CurlHandle) throws(TransferError) {
        try handle.set(CURLOPT_NOPROGRESS, 0)
        try handle.set(CURLOPT_XFERINFOFUNCTION, progress: abortIfCancelled)
        try handle.set(CURLOPT_XFERINFODATA, pointer: Unmanaged.passUnretained(self).toOpaque())
    }
}

/// libcurl's progress callback: a non-zero return aborts the transfer.
private func abortIfCancelled(
    context: UnsafeMutableRawPointer?, _: curl_off_t, _: curl_off_t, _: curl_off_t, _: curl_off_t
) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<TransferCancellation>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
