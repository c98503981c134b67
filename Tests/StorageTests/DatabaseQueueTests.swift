import PluginKit
import Storage
import Testing

@Suite("DatabaseQueue")
struct DatabaseQueueTests {
    @Test("concurrent callers are serialized on the queue")
    func serialized() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let queue = try DatabaseQueue(path: directory.path("queue.db"))
        try await queue.access { database in
            try database.execute("CREATE TABLE counter (value INTEGER)")
            try database.execute("INSERT INTO counter VALUES (0)")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await queue.access { database in
                        try database.transaction {
                            let read = try database.prepare("SELECT value FROM counter")
                            _ = try read.step()
                            try database.execute("UPDATE counter SET value = ?", [.integer(read.int64(at: 0) + 1)])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let value = try await queue.access { database in
            let read = try database.prepare("SELECT value FROM counter")
            _ = try read.step()
            return read.int64(at: 0)
        }
        #expect(value == 20)
    }
}
