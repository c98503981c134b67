import Synchronization

/// How many request-body bytes the server holds in memory at once, overall and per client
/// address: a body is admitted only while both have room, so clients that send large bodies
/// slowly cannot make the server hold more than the budget (without it, the ceiling was the
/// connection limit times the largest body). Bytes are reserved before they are read — a
/// declared `Content-Length` at once, a chunked body as it arrives — and released when the
/// request ends.
final class RequestBodyBudget: Sendable {
    private struct State {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    /// The most body bytes held for all requests together.
    let limit: Int
    /// The most body bytes held for the requests of one client address.
    let limitPerAddress: Int
    private let state = Mutex(State())

    /// Creates a budget; a limit below one body's largest size still admits one such body at
    /// a time.
    init(limit: Int, limitPerAddress: Int) {
        self.limit = limit
        self.limitPerAddress = limitPerAddress
    }

    /// Reserves `bytes` for a request from `address`; false (nothing reserved) when either
    /// limit would be passed.
    func reserve(_ bytes: Int, for address: String?) -> Bool {
        guard bytes > 0 else { return true }
        let key = address ?? ""
        return state.withLock { state in
            let held = state.byAddress[key, default: 0]
            guard state.total + bytes <= limit, held + bytes <= limitPerAddress else { return false }
            state.total += bytes
            state.byAddress[key] = held + bytes
            return true
        }
    }

    /// Gives back `bytes` reserved for `address`.
    func release(_ bytes: Int, for address: String?) {
        guard bytes > 0 else { return }
        let key = address ?? ""
        state.withLock { state in
            state.total -= bytes
            let held = state.byAddress[key, default: 0] - bytes
            state.byAddress[key] = held > 0 ? held : nil
        }
    }
}
