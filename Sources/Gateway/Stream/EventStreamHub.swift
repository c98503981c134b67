import Foundation
import HTTPServer
import PluginKit
import Synchronization

/// Sends the feed's events to every connected `GET /api/v1/events` client, from one thread
/// and its write lanes (``WriteLanes``).
///
/// Each round takes the events the feed has read since the previous one and writes them to
/// every live client with one `sendmsg` (``HTTPPushStream/write(_:)``): the frames a client
/// gets are built once per round for all clients with the same view and position, a client
/// without events for a heartbeat period gets a comment line, and the caller of every stream
/// is checked again once a heartbeat period (``checkCallers()``). A round starts as soon as
/// the feed has news, but no sooner than the round interval after the previous one; events
/// that arrive meanwhile go out in the next, so the batches grow with the load instead of the
/// rounds queueing up.
///
/// A client resuming from further back than the feed's memory first catches up from the log
/// in a task of its own (500 events a write, waiting while its socket is behind), then joins
/// the rounds.
final class EventStreamHub: Sendable {
    private struct State {
        var clients: [ObjectIdentifier: EventStreamClient] = [:]
        var pending = false
        var started = false
        var stopped = false
    }

    /// Which frames one round builds once: for a view of the log from a position.
    private struct FramesKey: Hashable {
        let seq: Int64
        let visibility: StreamVisibility
    }

    private let feed: EventFeed
    /// Where catch-ups from the log run.
    private let work: BackgroundWork
    private let heartbeat: Duration
    private let roundInterval: Duration
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Backlog a catching-up client may have before the next batch from the log.
    private static let catchUpBacklog = 256 * 1024

    /// A hub for `feed`'s events that starts a round at most once per `roundInterval`.
    ///
    /// Each round costs one write per client, mostly the kernel's TCP path: with a thousand
    /// clients that is milliseconds of CPU, whether a round carries one event or twenty. Rounds
    /// paced at `roundInterval` bound that cost while events come fast; an event after a
    /// quiet spell still goes out at once.
    init(feed: EventFeed, work: BackgroundWork, heartbeat: Duration, roundInterval: Duration = .milliseconds(8)) {
        self.feed = feed
        self.work = work
        self.heartbeat = heartbeat
        self.roundInterval = roundInterval
    }

    /// Starts the hub's thread; it runs until ``stop()``.
    func start() {
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started && !state.stopped
        }
        guard first else { return }
        feed.onAppend { [weak self] in self?.wake() }
        let thread = Thread { [self] in
            Thread.current.name = "event-stream-hub"
            run()
        }
        thread.start()
    }

    /// Ends every stream after what was written to it, and the thread (if it was started).
    func stop() {
        let wasRunning = state.withLock { state in
            defer { state.stopped = true }
            return state.started && !state.stopped
        }
        guard wasRunning else { return }
        wakeup.signal()
        finished.wait()
    }

    /// Checks every client's caller once a heartbeat period and ends the streams of those who
    /// may no longer see them, until the task is cancelled.
    func checkCallers() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            let now = ContinuousClock.now
            let due = state.withLock { Array($0.clients.values) }.filter { client in
                client.position.withLock { now - $0.lastCheck >= heartbeat }
            }
            for client in due {
                let allowed = await client.stillAllowed()
                let stream = client.position.withLock { position in
                    position.lastCheck = .now
                    return position.stream
                }
                if !allowed { stream?.finish() }
            }
        }
    }

    // MARK: Clients

    /// Serves `client` from now on: in the rounds if the feed's memory reaches back to its
    /// position, else after it has caught up from the log.
    func add(_ client: EventStreamClient) {
        let stopped = state.withLock { state in
            if !state.stopped { state.clients[ObjectIdentifier(client)] = client }
            return state.stopped
        }
        guard !stopped else {
            client.position.withLock { $0.stream }?.finish()
            return
        }
        if !goLive(client) {
            work.submit { await self.catchUp(client) }
        }
    }

    /// Forgets a client whose stream has ended.
    func remove(_ client: EventStreamClient) {
        state.withLock { _ = $0.clients.removeValue(forKey: ObjectIdentifier(client)) }
    }

    // MARK: Rounds

    private func wake() {
        let signal = state.withLock { state in
            defer { state.pending = true }
            return !state.pending
        }
        if signal { wakeup.signal() }
    }

    private func run() {
        let lanes = WriteLanes(count: Self.lanes, name: "event-stream-lane")
        while true {
            _ = wakeup.wait(timeout: .now() + .seconds(1))
            let (clients, stopped) = state.withLock { state in
                state.pending = false
                return (Array(state.clients.values), state.stopped)
            }
            if stopped || feed.isClosed {
                for client in clients { client.position.withLock { $0.stream }?.finish() }
                if stopped { break }
                continue
            }
            let started = ContinuousClock.now
            round(clients, lanes: lanes)
            let rest = roundInterval - (ContinuousClock.now - started)
            if rest > .zero { Thread.sleep(forTimeInterval: Double(rest.components.seconds) + Double(rest.components.attoseconds) / 1e18) }
        }
        lanes.stop()
        finished.signal()
    }

    /// Writes what each live client has not seen yet, up to the feed's newest event, and
    /// heartbeats to those that got nothing for a heartbeat period. The batches are built
    /// first, once per view and position; the writes then run in parallel `lanes` (a write is
    /// mostly the kernel's TCP path, which the cores share out).
    private func round(_ clients: [EventStreamClient], lanes: WriteLanes) {
        let newest = feed.lastSeq
        let now = ContinuousClock.now
        var frames: [FramesKey: Data] = [:]
        var deliveries: [(client: EventStreamClient, stream: HTTPPushStream, batch: Data)] = []
        deliveries.reserveCapacity(clients.count)
        for client in clients {
            let (stream, seq, live, lastWrite) = client.position.withLock { ($0.stream, $0.seq, $0.live, $0.lastWrite) }
            guard live, let stream else { continue }
            var batch = Data()
            if seq < newest {
                let key = FramesKey(seq: seq, visibility: client.visibility)
                if let built = frames[key] {
                    batch = built
                } else if let built = self.frames(for: client.visibility, after: seq, through: newest) {
                    batch = built
                    frames[key] = built
                } else {
                    // The feed's memory no longer reaches back to the client: catch up from the log.
                    client.position.withLock { $0.live = false }
                    work.submit { await self.catchUp(client) }
                    continue
                }
                client.position.withLock { $0.seq = newest }
            }
            if batch.isEmpty, now - lastWrite >= heartbeat {
                batch = Self.heartbeatFrame
            }
            if !batch.isEmpty { deliveries.append((client, stream, batch)) }
        }
        guard !deliveries.isEmpty else { return }
        let planned = deliveries
        let count = lanes.count
        lanes.perform { lane in
            for index in stride(from: lane, to: planned.count, by: count) {
                let delivery = planned[index]
                if delivery.stream.write(delivery.batch) {
                    delivery.client.position.withLock { $0.lastWrite = now }
                }
            }
        }
    }

    /// Parallel lanes of writes in a round: one per core, at most four.
    private static let lanes = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    private static let heartbeatFrame = Data(": heartbeat\n\n".utf8)

    /// The frames of the events after `seq` through `newest` that `visibility` allows, or nil
    /// when the feed's memory does not reach back to `seq`.
    private func frames(for visibility: StreamVisibility, after seq: Int64, through newest: Int64) -> Data? {
        feed.bufferedItems(after: seq, through: newest).map(visibility.frames(of:))
    }

    // MARK: Catching up

    /// Makes `client` live if the feed's memory reaches back to its position.
    private func goLive(_ client: EventStreamClient) -> Bool {
        client.position.withLock { position in
            guard feed.remembers(after: position.seq) else { return false }
            position.live = true
            return true
        }
    }

    /// Sends `client` the events from its position on, read from the log, until the feed's
    /// memory reaches back to where it is; then it joins the rounds. A failed read ends the
    /// stream (the client reconnects and resumes).
    private func catchUp(_ client: EventStreamClient) async {
        guard let stream = client.position.withLock({ $0.stream }) else { return }
        while stream.isOpen, !goLive(client) {
            let seq = client.position.withLock { $0.seq }
            let items: [EventFeed.Item]
            do {
                items = try await feed.items(after: seq, tenant: client.visibility.tenant, limit: 500)
            } catch {
                stream.finish()
                return
            }
            guard let last = items.last else {
                // Nothing after the position in the log, yet the memory does not reach it: the
                // feed has not read the log that far; the rounds will serve the client.
                client.position.withLock { $0.live = true }
                return
            }
            let frames = client.visibility.frames(of: items)
            if !frames.isEmpty, stream.write(frames) {
                client.position.withLock { $0.lastWrite = .now }
            }
            client.position.withLock { $0.seq = last.event.seq }
            while stream.isOpen, stream.backlogBytes > Self.catchUpBacklog {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        wake()
    }
}
