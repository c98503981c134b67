import Foundation
import HTTPServer
import Storage
import Synchronization

/// A billing export as an HTTP response body the server pulls as the client reads
/// (`HTTPResponse(status:headers:producer:)`): the bytes ``BillingExporter`` writes, never
/// held whole in memory. Each pull reads the next chunk of about 64 KiB in one short access to
/// the database, so a slow client holds no transaction and keeps no one else waiting (see
/// ``BillingExport`` for what chunks read apart see).
final class BillingExportBody: HTTPBodyProducer {
    private struct State {
        var export: BillingExport
        /// The first chunk, read by ``open(_:database:)`` and returned by the first pull.
        var first: [UInt8]?
    }

    private static let chunkBytes = 64 << 10
    private let database: DatabaseQueue
    private let state: Mutex<State>

    private init(database: DatabaseQueue, state: State) {
        self.database = database
        self.state = Mutex(state)
    }

    /// Starts the export of `request` from `database` and reads its first chunk now, so that
    /// a database that cannot be read fails here, before any of the response is sent.
    static func open(_ request: BillingExportRequest, database: DatabaseQueue) async throws -> BillingExportBody {
        let (export, first) = try await database.access { database in
            var export = BillingExport(request: request, chunkBytes: chunkBytes)
            let first = try export.next(from: database)
            return (export, first)
        }
        return BillingExportBody(database: database, state: State(export: export, first: first))
    }

    /// The next chunk, or nil after the totals.
    func next() async throws -> Data? {
        if let first = state.withLock({ state in state.first.take() }) { return Data(first) }
        return try await database.access { database in
            try self.state.withLock { state in try state.export.next(from: database) }.map { Data($0) }
        }
    }
}
