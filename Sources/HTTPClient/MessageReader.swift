import CCurl
import PluginKit

/// Feeds a message's bytes to libcurl's read callback during an upload, on the worker thread.
final class MessageReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Registers the read callback and the upload size; `self` must outlive the transfer.
    func attach(to handle: CurlHandle) throws(TransferError) {
        try handle.set(CURLOPT_READFUNCTION, reader: supplyMessage)
        try handle.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
        try handle.set(CURLOPT_INFILESIZE_LARGE, size: bytes.count)
    }

    /// Copies up to `capacity` bytes into `buffer`; 0 means the message is complete.
    fileprivate func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

private func supplyMessage(buffer: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let reader = Unmanaged<MessageReader>.fromOpaque(context).takeUnretainedValue()
    return reader.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}
