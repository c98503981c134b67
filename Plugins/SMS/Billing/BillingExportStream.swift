import Foundation
import PluginKit
import Synchronization

/// A billing export as a response body the server pulls as the client reads
/// (``PluginResponse/Body/stream(_:)``): the bytes ``BillingExporter`` writes, never held whole
/// in memory. Each pull reads the next chunk of about 64 KiB in one short read of the
/// database, so a slow client holds no transaction and keeps no one else waiting (see
/// ``BillingExport`` for what chunks read apart see).
final class BillingExportStream: PluginResponseStream {
    private struct State {
        var export: BillingExport
        /// The first chunk, read by ``open(_:database:)`` and returned by the first pull.
        var first: [UInt8]?
    }

    private static let chunkBytes = 64 << 10
    private let database: any PluginDatabase
    private let state: Mutex<State>

    private init(database: any PluginDatabase, state: State) {
        self.database = database
        self.state = Mutex(state)
    }

    /// Starts the export of `request` from `database` and reads its first chunk now, so that
    /// a database that cannot be read fails here, before any of the response is sent.
    static func open(_ request: BillingExportRequest, database: any PluginDatabase) async throws -> BillingExportStream {
        let (export, first) = try await database.read { database in
            var export = BillingExport(request: request, chunkBytes: chunkBytes)
            let first = try export.next(from: database)
            return (export, first)
        }
        return BillingExportStream(database: database, state: State(export: export, first: first))
    }

    /// The next chunk, or nil after the totals.
    func next() async throws -> Data? {
        if let first = state.withLock({ state in state.first.take() }) { return Data(first) }
        return try await database.read { database in
            try self.state.withLock { state in try state.export.next(from: database) }.map { Data($0) }
        }
    }
}
