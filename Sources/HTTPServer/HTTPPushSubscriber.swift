/// The receiver of a pushed response body (``HTTPResponse/Body/push(preamble:subscriber:)``):
/// the application writes to the ``HTTPPushStream`` it is given, from any thread, whenever it
/// has data, such as a live event stream sending each batch of events to a thousand clients.
///
/// Each subscriber sees ``attached(to:)`` at most once, when the response head and preamble
/// are sent, then ``ended(_:)`` exactly once, when the stream is over for any reason (the client
/// went away, the application finished it, the client fell too far behind, server shutdown).
/// Neither may block: they run on a server thread.
public protocol HTTPPushSubscriber: Sendable {
    /// The response head and preamble are sent: from now on, write to `stream`.
    func attached(to stream: HTTPPushStream)
    /// The stream is over; writes to it are ignored from now on.
    func ended(_ stream: HTTPPushStream)
}
