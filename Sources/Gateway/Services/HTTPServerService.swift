import HTTPServer
import PluginKit

/// The API's HTTP server as a service: `start` binds the listen address (so a port in use
/// fails the gateway's start), `run` serves until cancelled, then shuts down gracefully
/// (in-flight requests get the configured grace period).
struct HTTPServerService: Service {
    let server: HTTPServer

    var name: String { "http" }

    func start() async throws { try server.start() }

    func run() async {
        await waitUntilCancelled()
        await server.shutdown()
    }
}
