import PluginKit

extension EventFeed: Service {
    /// `event feed`.
    var name: String { "event feed" }

    /// Follows the log and wakes waiting clients once a second, until cancelled.
    func run() async {
        async let following: Void = followLog()
        async let pulsing: Void = pulse()
        _ = await (following, pulsing)
    }

    /// Closes the feed, so long polls and streams answer before the server waits for them.
    func beginShutdown() { close() }
}
