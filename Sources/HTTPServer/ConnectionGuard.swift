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
/// close, before the descriptor can be reused.
final class ConnectionGuard: Sendable {
    private struct Entry {
        let socket: Int32
        let address: String?
        /// Since when the connection waits for a request head, or nil while it is in a request.
        var waitingSince: ContinuousClock.Instant?
        var requests = 0
    }

    private struct State {
        var entries: [UInt: Entry] = [:]
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
                self?.closeOverdue(at: .now)
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

    /// A connection was accepted: tracked, or closed at once when its address is at the cap
    /// and none of its connections can make way.
    func opened(_ connection: UInt, socket: Int32, address: String?) {
        state.withLock { state in
            if let address, !trusted.contains(address), state.byAddress[address, default: 0] >= perAddress {
                let waiting = state.entries.compactMap { key, entry in
                    entry.address == address ? entry.waitingSince.map { (key: key, socket: entry.socket, since: $0) } : nil
                }
                guard let oldest = waiting.min(by: { $0.since < $1.since }) else {
                    Glibc.shutdown(socket, Int32(SHUT_RDWR))
                    return
                }
                Glibc.shutdown(oldest.socket, Int32(SHUT_RDWR))
                // Forgotten now so the cap holds; libmicrohttpd's close report finds nothing.
                forget(oldest.key, in: &state)
            }
            state.entries[connection] = Entry(socket: socket, address: address, waitingSince: .now)
            if let address { state.byAddress[address, default: 0] += 1 }
        }
    }

    /// libmicrohttpd closed the connection.
    func closed(_ connection: UInt) {
        state.withLock { forget(connection, in: &$0) }
    }

    /// A request head arrived complete: the connection is in a request until it ends.
    func headArrived(on connection: UInt) {
        state.withLock { state in
            state.entries[connection]?.waitingSince = nil
            state.entries[connection]?.requests += 1
        }
    }

    /// A request ended: the connection waits for the next head (or closes).
    func requestEnded(on connection: UInt) {
        state.withLock { $0.entries[connection]?.waitingSince = .now }
    }

    /// Closes the connections waiting for a head longer than allowed.
    func closeOverdue(at now: ContinuousClock.Instant) {
        state.withLock { state in
            for (key, entry) in state.entries {
                guard let since = entry.waitingSince else { continue }
                let limit = entry.requests == 0 ? headTimeout : idleTimeout
                guard now - since >= limit else { continue }
                Glibc.shutdown(entry.socket, Int32(SHUT_RDWR))
                forget(key, in: &state)
            }
        }
    }

    /// How many connections are tracked for `address`.
    func connections(from address: String) -> Int {
        state.withLock { $0.byAddress[address, default: 0] }
    }

    private func forget(_ connection: UInt, in state: inout State) {
        guard let entry = state.entries.removeValue(forKey: connection) else { return }
        if let address = entry.address {
            let count = state.byAddress[address, default: 1] - 1
            state.byAddress[address] = count > 0 ? count : nil
        }
    }
}
