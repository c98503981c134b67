import PluginKit

extension TransferWorkers {
    /// Runs `transfer` on a worker thread and waits for it without blocking the caller's
    /// thread. Cancelling the calling task aborts the transfer through `cancellation`.
    func run<Value: Sendable>(
        _ transfer: @escaping @Sendable (CurlHandle, TransferCancellation) throws(TransferError) -> Value
    ) async throws(TransferError) -> Value {
        let cancellation = TransferCancellation()
        let outcome: Result<Value, TransferError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let accepted = submit { handle in
                    guard !cancellation.isCancelled else {
                        continuation.resume(returning: .failure(TransferError(code: .cancelled, message: "cancelled before start")))
                        return
                    }
                    guard let handle else {
                        continuation.resume(returning: .failure(TransferError(code: .transfer, message: "libcurl could not create a handle")))
                        return
                    }
                    continuation.resume(returning: Result { () throws(TransferError) in try transfer(handle, cancellation) })
                }
                if !accepted {
                    continuation.resume(returning: .failure(TransferError(code: .shutDown, message: "the client was shut down")))
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try outcome.get()
    }
}
