import Foundation
@testable import Gateway
import HTTPServer
import PluginKit
import Storage
import Testing

/// A resume position the gateway itself returned is valid even while the stream's feed has
/// not read up to it yet (issue 11, item 5): positions are checked against the committed log.
@Suite("Stream positions are checked against the committed log")
struct StreamPositionTests {
    @Test func aCommittedPositionAheadOfTheFeedIsValidAndOneBeyondTheLogIsNot() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-position-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try EventLog.open(path: folder.appendingPathComponent("log.sqlite").path)
        // The feed is never run, so it stays where it was made: behind every event below, as a
        // feed is for a moment after each commit.
        let feed = EventFeed(log: log)
        for index in 0..<5 {
            _ = try await log.append([NewEvent(id: "event-\(index)", type: "call.incoming", tenant: "acme", occurredAt: Date())])
        }
        #expect(feed.lastSeq == 0)
        #expect(try EventStreamRoutes.position("5", name: "after", feed: feed) == 5)
        #expect(try EventStreamRoutes.position("3", name: "after", feed: feed) == 3)
        #expect(throws: HTTPError.self) { try EventStreamRoutes.position("6", name: "after", feed: feed) }
        #expect(throws: HTTPError.self) { try EventStreamRoutes.position("-1", name: "after", feed: feed) }
    }
}
