import Glibc
import Synchronization

/// Keeps one client from taking every connection slot. libmicrohttpd's idle timeout restarts
/// on every byte, so a client trickling header bytes could hold a connection forever, and it
/// has no per-address cap with exceptions. So the server tracks every connection from accept
/// to close and:
/// - closes a connection that has not completed a request head within ``headTimeout`` of
///   opening, or within ``idleTimeout`` of its previous response (a keep-alive connection
///   waiting for its next request), however many bytes trickle in;
/// - allows each client address ``perAddress`` connections; at that cap a new connection
///   takes the place of the address's longest-waiting connection that has not sent a request
///   head yet (so a prober on the same address is still answered while slow heads hold the
///   cap), and is itself closed when every one of them is busy with a request. Addresses in
///   ``trusted`` (a reverse proxy the clients come through) have no cap.
/// Closing means `shutdown(2)` on the socket under the table's lock; libmicrohttpd sees the
/// hang-up and closes the connection, and the table forgets it when libmicrohttpd reports the
/// close, before the descriptor can be reused. A request's start and end only store into
/// its connection's ``Entry`` (no lock, no table), so the guard costs a kept answer nothing
/// measurable.
final class ConnectionGuard: Sendable {
    /// One connection, from accept to close. libmicrohttpd keeps it (retained) as the
    /// connection's socket context, so each request finds it without a lookup.
    final class Entry: Sendable {
        let socket: Int32
        let address: String?
        /// Monotonic nanoseconds since which the connection waits for a request head, or -1
        /// while it is in a request.
        let waitingSince = Atomic<Int64>(0)
        /// Requests begun on the connection.
        let requests = Atomic<Int>(0)

        init(socket: Int32, address: String?, now: Int64) {
            self.socket = socket
            self.address = address
            waitingSince.store(now, ordering: .relaxed)
        }

        /// A request head arrived complete: in a request until it ends.
        func headArrived() {
            waitingSince.store(-1, ordering: .relaxed)
            requests.add(1, ordering: .relaxed)
        }

        /// A request ended: the connection waits for the next head (or closes).
        func requestEnded() {
            waitingSince.store(ConnectionGuard.monotonicNow(), ordering: .relaxed)
        }
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var byAddress: [String: Int] = [:]
        var sweeper: Task<Void, Never>?
    }

    /// The longest a new connection may take to send its first request head.
    let headTimeout: Duration
    /// The longest a kept-alive connection may wait between a response and the next head.
    let idleTimeout: Duration
    /// The most connections one client address may have.
    let perAddress: Int
    /// Addresses without a cap.
    let trusted: Set<String>
    private let state = Mutex(State())

    init(headTimeout: Duration, idleTimeout: Duration, perAddress: Int, trusted: Set<String>) {
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
        self.perAddress = perAddress
        self.trusted = trusted
    }

    /// Starts closing overdue connections, checking every `interval` (a check takes the lock
    /// once and never blocks, so it may run on the cooperative pool).
    func start(interval: Duration = .milliseconds(250)) {
        let sweeper = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                self?.closeOverdue(at: Self.monotonicNow())
            }
        }
        state.withLock { $0.sweeper = sweeper }
    }

    /// Stops the checks.
    func stop() {
        state.withLock { state in
            state.sweeper?.cancel()
            state.sweeper = nil
        }
    }

    /// A connection was accepted: its entry, or nil when it was closed at once because its
    /// address is at the cap and none of its connections can make way.
    func opened(socket: Int32, address: String?) -> Entry? {
        let now = Self.monotonicNow()
        return state.withLock { state -> Entry? in
            if let address, !trusted.contains(address), state.byAddress[address, default: 0] >= perAddress {
                let waiting = state.entries.values.filter { $0.address == address && $0.waitingSince.load(ordering: .relaxed) >= 0 }
                guard let oldest = waiting.min(by: { $0.waitingSince.load(ordering: .relaxed) < $1.waitingSince.load(ordering: .relaxed) }) else {
                    Glibc.shutdown(socket, Int32(SHUT_RDWR))
                    return nil
                }
                Glibc.shutdown(oldest.socket, Int32(SHUT_RDWR))
                // Forgotten now so the cap holds; libmicrohttpd's close report finds nothing.
                forget(oldest, in: &state)
            }
            let entry = Entry(socket: socket, address: address, now: now)
            state.entries[ObjectIdentifier(entry)] = entry
            if let address { state.byAddress[address, default: 0] += 1 }
            return entry
        }
    }

    /// libmicrohttpd closed the connection of `entry`.
    func closed(_ entry: Entry) {
        state.withLock { forget(entry, in: &$0) }
    }

    /// Closes the connections waiting for a head longer than allowed; `now` in monotonic
    /// nanoseconds.
    func closeOverdue(at now: Int64) {
        let head = Self.nanoseconds(headTimeout)
        let idle = Self.nanoseconds(idleTimeout)
        state.withLock { state in
            for entry in state.entries.values {
                let since = entry.waitingSince.load(ordering: .relaxed)
                guard since >= 0 else { continue }
                guard now - since >= (entry.requests.load(ordering: .relaxed) == 0 ? head : idle) else { continue }
                Glibc.shutdown(entry.socket, Int32(SHUT_RDWR))
                forget(entry, in: &state)
            }
        }
    }

    private func forget(_ entry: Entry, in state: inout State) {
        guard state.entries.removeValue(forKey: ObjectIdentifier(entry)) != nil else { return }
        if let address = entry.address {
            let count = state.byAddress[address, default: 1] - 1
            state.byAddress[address] = count > 0 ? count : nil
        }
    }

    /// CLOCK_MONOTONIC in nanoseconds.
    static func monotonicNow() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
