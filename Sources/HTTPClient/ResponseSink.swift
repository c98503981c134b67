import CCurl
import PluginKit

/// Collects one response's header lines and body from libcurl's callbacks, on the
/// worker thread running the transfer.
final class ResponseSink {
    private(set) var headers = HTTPHeaders()
    private(set) var body: [UInt8] = []
    /// Set when the body passed `limit` and the transfer was stopped.
    private(set) var isOverLimit = false
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Registers the body and header callbacks; `self` must outlive the transfer.
    func attach(to handle: CurlHandle) throws(TransferError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try handle.set(CURLOPT_WRITEFUNCTION, writer: receiveBody)
        try handle.set(CURLOPT_WRITEDATA, pointer: context)
        try handle.set(CURLOPT_HEADERFUNCTION, writer: receiveHeader)
        try handle.set(CURLOPT_HEADERDATA, pointer: context)
    }

    fileprivate func append(body bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            isOverLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    fileprivate func append(headerLine bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        // A status line starts each response (a redirect, a 100 Continue, the final one);
        // only the last response's fields are kept.
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingWhitespace()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        headers.add(name: String(name), value: String(value))
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}

private func receiveBody(data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return sink.append(body: UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private func receiveHeader(data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let length = size * count
    Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        .append(headerLine: UnsafeRawBufferPointer(start: data, count: length))
    return length
}
