public import Foundation

/// The source of a streamed response body, such as a live event stream.
///
/// The server pulls: it calls ``next()`` whenever the client can take more, one call at a
/// time, and holds the connection suspended (no thread blocked) while a call is waiting.
///
/// Implementation requirements:
/// - Return the next chunk, or `nil` once the body is complete; an empty chunk is skipped.
/// - Honour task cancellation: when the client goes away or the server shuts down, the task
///   running ``next()`` is cancelled and its result is discarded. A producer that waits for
///   data must stop waiting when cancelled (e.g. `try await Task.sleep`, or a cancellation
///   handler around a continuation).
/// - A thrown error ends the response abruptly; the client sees a truncated body.
public protocol HTTPBodyProducer: Sendable {
    /// The next chunk of the body, or `nil` at its end.
    func next() async throws -> Data?
}
