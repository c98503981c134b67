public import PluginKit
import Synchronization

/// An `HTTPTransport` that records every request and answers from a script, for plugin tests
/// of status handling. Use a real local peer for the wire format.
public final class ScriptedHTTPTransport: HTTPTransport {
    /// How to answer one request.
    public enum Answer: Sendable {
        /// Respond with this status, headers and body.
        case respond(status: Int, headers: HTTPHeaders, body: [UInt8])
        /// Fail the transfer.
        case fail(TransferError)
        /// Never answer; end only when the calling task is cancelled.
        case hang
    }

    private let answer: @Sendable (HTTPClientRequest) -> Answer
    private let recorded = Mutex<[HTTPClientRequest]>([])

    /// Creates a transport answering each request with `answer(request)`.
    public init(answer: @escaping @Sendable (HTTPClientRequest) -> Answer) {
        self.answer = answer
    }

    /// Every request sent so far, in order.
    public var requests: [HTTPClientRequest] { recorded.withLock { $0 } }

    /// Records `request` and answers it as scripted.
    public func send(_ request: HTTPClientRequest) async throws(TransferError) -> HTTPClientResponse {
        recorded.withLock { $0.append(request) }
        switch answer(request) {
        case .respond(let status, let headers, let body):
            return HTTPClientResponse(status: status, headers: headers, body: body)
        case .fail(let error):
            throw error
        case .hang:
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(10))
            }
            throw TransferError(code: .cancelled, message: "cancelled")
        }
    }
}
