import PluginKit

/// The live stream's hub as a service: its thread runs from start to stop, and while it
/// runs each client's caller is checked once a heartbeat period.
struct StreamHubService: Service {
    let hub: EventStreamHub

    var name: String { "stream hub" }

    func start() async throws { hub.start() }

    func run() async {
        await hub.checkCallers()
        hub.stop()
    }
}
