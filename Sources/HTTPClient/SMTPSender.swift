public import PluginKit

/// Sends mail through one SMTP server with libcurl (`MAIL FROM`, `RCPT TO`, `DATA`).
///
/// Sends run on the sender's dedicated threads, never on Swift's cooperative pool, and a
/// cancelled task aborts its send. The threads stop when the sender is released.
public final class SMTPSender: Sendable {
    private let workers: TransferWorkers
    private let configuration: SMTPConfiguration

    /// Starts the sender's threads; nothing connects until the first ``send(_:)``.
    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
        workers = TransferWorkers(threadCount: configuration.threadCount, name: "sentralbord-smtp")
    }

    deinit {
        workers.shutDown()
    }

    /// Delivers `message` to the server; returns once the server accepted it for every
    /// recipient. Throws ``TransferError`` when it did not (a rejected recipient fails the
    /// whole send), so the caller can retry.
    public func send(_ message: SMTPMessage) async throws(TransferError) {
        let transfer = SMTPTransfer(message: message, configuration: configuration)
        try await workers.run { (handle, cancellation) throws(TransferError) in
            try transfer.perform(on: handle, cancellation: cancellation)
        }
    }
}
