import Foundation
import HTTPServer
import PluginKit
import Synchronization

/// A local SMS gateway stub on 127.0.0.1 (our HTTP server): answers every POST to `/sms` with
/// 200 and a JSON message id, and counts them.
final class ProviderStub: Sendable {
    private let server: HTTPServer
    private let received = Counter()

    init() throws {
        var router = Router()
        let received = self.received
        router.post("/sms") { _ in
            let count = received.increment()
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: Data("{\"id\":\"gw-\(count)\"}".utf8))
        }
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threadPoolSize: 2), responder: router)
        try server.start()
    }

    var url: String { "http://127.0.0.1:\(server.port ?? 0)/sms" }

    var count: Int { received.value }

    func stop() async { await server.shutdown() }
}

/// A shared counter.
final class Counter: Sendable {
    private let atomic = Atomic<Int>(0)

    /// Adds one and returns the new value.
    func increment() -> Int { atomic.add(1, ordering: .relaxed).newValue }

    var value: Int { atomic.load(ordering: .relaxed) }
}
