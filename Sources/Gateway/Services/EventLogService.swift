import PluginKit
import Storage

/// The event log as a service: started first and stopped last, so every other service's
/// writes are in before it checkpoints the write-ahead log into the database file.
struct EventLogService: Service {
    let log: EventLog

    var name: String { "event log" }

    func run() async {
        await waitUntilCancelled()
        try? await log.checkpoint()
    }
}
