import Foundation
import HTTPServer
import Synchronization

/// One client of `GET /api/v1/events`: what it may see, how far it has got, and the push
/// stream to its socket once the server has sent the response head.
final class EventStreamClient: HTTPPushSubscriber {
    struct Position {
        var stream: HTTPPushStream?
        /// The last seq looked at (sent or not).
        var seq: Int64
        /// Whether the hub's rounds serve the client; false while it catches up from the log.
        var live = false
        var lastWrite = ContinuousClock.now
        var lastCheck = ContinuousClock.now
    }

    let visibility: StreamVisibility
    /// Whether the caller may still see the stream (session not logged out or expired, key not
    /// revoked, user not removed).
    let stillAllowed: @Sendable () async -> Bool
    let position: Mutex<Position>
    private let hub: EventStreamHub
    /// The stream's place among the caller's and the company's; given back with the client.
    private let lease: StreamAdmission.Lease?

    init(
        hub: EventStreamHub, visibility: StreamVisibility, after seq: Int64, lease: StreamAdmission.Lease? = nil,
        stillAllowed: @escaping @Sendable () async -> Bool
    ) {
        self.hub = hub
        self.lease = lease
        self.visibility = visibility
        self.stillAllowed = stillAllowed
        position = Mutex(Position(seq: seq))
    }

    /// What the stream starts with: the reconnect delay and where it starts.
    var preamble: Data {
        Data("retry: 2000\n: connected at seq \(position.withLock { $0.seq })\n\n".utf8)
    }

    func attached(to stream: HTTPPushStream) {
        position.withLock { $0.stream = stream }
        hub.add(self)
    }

    func ended(_ stream: HTTPPushStream) {
        hub.remove(self)
        lease?.release()
    }
}
