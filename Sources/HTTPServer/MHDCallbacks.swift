import CMicroHTTPD
import CShims
import Glibc
import PluginKit

// libmicrohttpd's callbacks: plain top-level functions that find their Swift objects through
// the `Unmanaged` pointers libmicrohttpd hands back.

/// `MHD_OPTION_URI_LOG_CALLBACK`: the first sight of a request; its context becomes `*req_cls`.
func beginRequest(
    _ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    guard let cls, let uri, let connection else {
        return nil
    }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let context = core.begin(
        connection: ConnectionHandle(pointer: connection), target: String(cString: uri),
        remoteAddress: sentralbord_mhd_client_address(connection).flatMap(numericHost(of:)))
    return Unmanaged.passRetained(context).toOpaque()
}

/// `MHD_AccessHandlerCallback`.
func handleRequest(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ requestClosure: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let method, let uploadDataSize, let pointer = requestClosure?.pointee else {
        return .NO
    }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let context = Unmanaged<RequestContext>.fromOpaque(pointer).takeUnretainedValue()
    // `url` and `version` point into the request line as libmicrohttpd split it in place: the
    // target runs from `url` to the space before `version`, whatever NUL bytes it holds.
    let rawTargetLength = url.flatMap { url in version.map { UnsafeRawPointer($0) - UnsafeRawPointer(url) - 1 } }
    // The request line's CR LF became two NULs; a bare LF leaves one, then the next line.
    let bareLineFeed = version.map { $0[strlen($0) + 1] != 0 } ?? false
    return core.handle(
        context, method: String(cString: method), isHTTP10: version.map { strcmp($0, "HTTP/1.0") == 0 } ?? false,
        rawTargetLength: rawTargetLength, bareLineFeed: bareLineFeed, upload: uploadData, uploadSize: uploadDataSize)
}

/// `MHD_OPTION_NOTIFY_COMPLETED`: releases the request's context; also runs for aborted requests.
func completeRequest(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ requestClosure: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ termination: MHD_RequestTerminationCode
) {
    guard let cls, let requestClosure, let pointer = requestClosure.pointee else {
        return
    }
    requestClosure.pointee = nil
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let context = Unmanaged<RequestContext>.fromOpaque(pointer).takeRetainedValue()
    core.complete(context, completedNormally: termination == .REQUEST_TERMINATED_COMPLETED_OK)
}

/// `MHD_OPTION_NOTIFY_CONNECTION`: a connection was accepted or closed.
func notifyConnection(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ socketContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    _ code: MHD_ConnectionNotificationCode
) {
    guard let cls, let connection, let socketContext else {
        return
    }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    if code == .CONNECTION_NOTIFY_STARTED {
        socketContext.pointee = core.connectionStarted(ConnectionHandle(pointer: connection)).map { Unmanaged.passRetained($0).toOpaque() }
    } else if let entry = socketContext.pointee {
        socketContext.pointee = nil
        core.connectionClosed(Unmanaged<ConnectionGuard.Entry>.fromOpaque(entry).takeRetainedValue())
    }
}

/// `MHD_ContentReaderCallback` for streamed bodies.
func readStream(_ cls: UnsafeMutableRawPointer?, _ position: UInt64, _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> Int {
    guard let cls, let buffer else {
        return ResponseStream.endWithError
    }
    return Unmanaged<ResponseStream>.fromOpaque(cls).takeUnretainedValue().read(into: UnsafeMutableRawPointer(buffer), capacity: capacity)
}

/// `MHD_ContentReaderFreeCallback`: the response is destroyed, so is its hold on the stream.
func releaseStream(_ cls: UnsafeMutableRawPointer?) {
    guard let cls else {
        return
    }
    let stream = Unmanaged<ResponseStream>.fromOpaque(cls).takeRetainedValue()
    stream.close()
}

/// `MHD_ContentReaderCallback` for pushed bodies.
func readPush(_ cls: UnsafeMutableRawPointer?, _ position: UInt64, _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> Int {
    guard let cls, let buffer else {
        return HTTPPushStream.endWithError
    }
    return Unmanaged<HTTPPushStream>.fromOpaque(cls).takeUnretainedValue().read(into: UnsafeMutableRawPointer(buffer), capacity: capacity)
}

/// `MHD_ContentReaderFreeCallback` for pushed bodies.
func releasePush(_ cls: UnsafeMutableRawPointer?) {
    guard let cls else {
        return
    }
    Unmanaged<HTTPPushStream>.fromOpaque(cls).takeRetainedValue().close()
}

/// The request's header fields, in order.
func requestHeaders(_ connection: ConnectionHandle) -> HTTPHeaders {
    let collector = HeaderCollector()
    withExtendedLifetime(collector) {
        _ = MHD_get_connection_values(
            connection.pointer, .HEADER_KIND, collectHeader, Unmanaged.passUnretained(collector).toOpaque())
    }
    return collector.headers
}

/// Receives header fields from `MHD_get_connection_values` during one synchronous call.
private final class HeaderCollector {
    var headers = HTTPHeaders()
}

private func collectHeader(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let cls, let key else {
        return .YES
    }
    let collector = Unmanaged<HeaderCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.headers.add(name: String(cString: key), value: value.map { String(cString: $0) } ?? "")
    return .YES
}
