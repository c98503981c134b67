import Foundation
import HTTPServer
import PluginKit
import Synchronization

/// The body of one `GET /api/v1/events` response: Server-Sent Events of what the client may
/// see, from the feed, each with `id:` (the log seq, for `Last-Event-ID`), `event:` (the
/// type) and `data:` (the envelope JSON); a comment line as heartbeat when nothing was sent
/// for ``heartbeat``. Each heartbeat period the caller is checked again (`stillAllowed`): a
/// stream ends when its session is logged out or expires, its key is revoked, or its user is
/// removed.
final class EventStreamProducer: HTTPBodyProducer {
    private let feed: EventFeed
    private let visibility: StreamVisibility
    private let heartbeat: Duration
    private let stillAllowed: @Sendable () async -> Bool
    private let checkedAt = Mutex(ContinuousClock.now)
    /// The last seq looked at (shown or not) and whether the preamble was sent.
    private let position: Mutex<(seq: Int64, started: Bool)>

    init(
        feed: EventFeed, visibility: StreamVisibility, after seq: Int64, heartbeat: Duration,
        stillAllowed: @escaping @Sendable () async -> Bool
    ) {
        self.feed = feed
        self.visibility = visibility
        self.heartbeat = heartbeat
        self.stillAllowed = stillAllowed
        position = Mutex((seq, false))
    }

    func next() async throws -> Data? {
        let (after, started) = position.withLock { $0 }
        if !started {
            position.withLock { $0.started = true }
            return Data("retry: 2000\n: connected at seq \(after)\n\n".utf8)
        }
        if ContinuousClock.now - checkedAt.withLock({ $0 }) >= heartbeat {
            guard await stillAllowed() else { return nil }
            checkedAt.withLock { $0 = .now }
        }
        let deadline = ContinuousClock.now + heartbeat
        var cursor = after
        while !Task.isCancelled, !feed.isClosed {
            let items = try await feed.items(after: cursor, tenant: visibility.tenant, limit: 500)
            if let last = items.last {
                cursor = last.event.seq
                position.withLock { $0.seq = cursor }
                var frames = Data()
                for item in items where visibility.allows(item.event) {
                    frames.append(item.frame)
                }
                if !frames.isEmpty { return frames }
                continue
            }
            if ContinuousClock.now >= deadline { return Data(": heartbeat\n\n".utf8) }
            _ = await feed.wait(after: cursor)
        }
        return nil
    }
}
