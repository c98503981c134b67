import Synchronization

/// The batches waiting for the event log's writer, and whether the writer is running.
///
/// Appenders ``submit(_:)`` from any thread; the writer takes everything pending with
/// ``takeGroup(maxEvents:)`` while its previous commit was on the disk, so the batches that
/// arrive during one fsync share the next. The first submit after the writer went idle is
/// told to start it; the writer goes idle only when it finds nothing pending, so no batch
/// is ever left without a writer.
final class GroupCommitQueue: Sendable {
    private struct State {
        var pending: [PendingAppend] = []
        var writerRunning = false
    }

    private let state = Mutex(State())

    /// Queues `append`; returns true when the caller must start the writer.
    func submit(_ append: PendingAppend) -> Bool {
        state.withLock { state in
            state.pending.append(append)
            guard !state.writerRunning else { return false }
            state.writerRunning = true
            return true
        }
    }

    /// The oldest pending batches, whole, up to `maxEvents` events (at least one batch);
    /// empty, with the writer marked idle, when nothing is pending.
    func takeGroup(maxEvents: Int) -> [PendingAppend] {
        state.withLock { state in
            guard !state.pending.isEmpty else {
                state.writerRunning = false
                return []
            }
            var count = 0
            var events = 0
            while count < state.pending.count, count == 0 || events + state.pending[count].rows.count <= maxEvents {
                events += state.pending[count].rows.count
                count += 1
            }
            if count == state.pending.count {
                defer { state.pending = [] }
                return state.pending
            }
            defer { state.pending.removeFirst(count) }
            return Array(state.pending.prefix(count))
        }
    }

    /// How many batches wait for the writer, and whether the writer is running.
    var status: (pendingBatches: Int, writerRunning: Bool) {
        state.withLock { ($0.pending.count, $0.writerRunning) }
    }
}
