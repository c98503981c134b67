public import PluginKit

/// An async HTTP(S) client on libcurl, for webhooks, SMS provider APIs and CalDAV.
///
/// Each request runs on one of the session's dedicated transfer threads (never on Swift's
/// cooperative pool); a thread reuses its connections across requests. Cancelling the
/// calling task aborts the request with ``TransferError/Code/cancelled``. Create one
/// session per purpose and keep it; its threads stop when it is released, after
/// finishing the requests already queued.
public final class HTTPSession: HTTPTransport {
    private let workers: TransferWorkers
    private let configuration: HTTPSessionConfiguration

    /// Starts the session's transfer threads.
    public init(configuration: HTTPSessionConfiguration = HTTPSessionConfiguration()) {
        self.configuration = configuration
        workers = TransferWorkers(threadCount: configuration.threadCount, name: "sentralbord-http")
    }

    deinit {
        workers.shutDown()
    }

    /// Sends `request` and returns the response, whatever its status. Throws only when no
    /// complete response arrived (timeout, refused connection, bad URL, cancellation, …).
    public func send(_ request: HTTPClientRequest) async throws(TransferError) -> HTTPClientResponse {
        let transfer = HTTPTransfer(request: request, configuration: configuration)
        return try await workers.run { (handle, cancellation) throws(TransferError) in
            try transfer.perform(on: handle, cancellation: cancellation)
        }
    }
}
