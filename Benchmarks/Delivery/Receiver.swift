import Foundation
import HTTPServer
import PluginKit
import Synchronization

/// A webhook receiver on 127.0.0.1 (our HTTP server) that notes when each event arrived.
final class Receiver: Sendable {
    private let server: HTTPServer
    private let book = ArrivalBook()

    init() throws {
        let book = self.book
        var router = Router()
        router.post("/hook") { request in
            book.note(request.headers["webhook-id"] ?? "", at: ContinuousClock.now)
            return HTTPResponse(status: .noContent)
        }
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router)
        try server.start()
    }

    var url: String { "http://127.0.0.1:\(server.port ?? 0)/hook" }

    var count: Int { book.count }

    func arrival(of id: String) -> ContinuousClock.Instant? { book.arrival(of: id) }

    func stop() async { await server.shutdown() }
}

/// When each event id first arrived.
final class ArrivalBook: Sendable {
    private let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])

    func note(_ id: String, at instant: ContinuousClock.Instant) {
        arrivals.withLock { if $0[id] == nil { $0[id] = instant } }
    }

    var count: Int { arrivals.withLock { $0.count } }

    func arrival(of id: String) -> ContinuousClock.Instant? { arrivals.withLock { $0[id] } }
}
