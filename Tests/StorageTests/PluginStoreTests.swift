import Storage
import Testing

@Suite("Plugin cursors and state")
struct PluginStoreTests {
    @Test("cursors start at 0, move both ways, survive reopening")
    func cursors() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("plugins.db")
        do {
            let cursors = try await PluginCursorStore(database: DatabaseQueue(path: path))
            #expect(try await cursors.cursor(for: "webhook.crm") == 0)
            try await cursors.setCursor(41, for: "webhook.crm")
            try await cursors.setCursor(42, for: "webhook.crm")
            try await cursors.setCursor(7, for: "sms")
            try await cursors.setCursor(5, for: "sms")
            try await cursors.setCursor(1, for: "gone")
            try await cursors.removeCursor(for: "gone")
        }
        let cursors = try await PluginCursorStore(database: DatabaseQueue(path: path))
        #expect(try await cursors.cursor(for: "webhook.crm") == 42)
        #expect(try await cursors.allCursors() == ["webhook.crm": 42, "sms": 5])
    }

    @Test("state keeps bytes per instance and key, survives reopening")
    func state() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("plugins.db")
        do {
            let state = try await PluginStateStore(database: DatabaseQueue(path: path))
            #expect(try await state.value(forKey: "token", instance: "cal") == nil)
            try await state.setValue([1, 2, 3], forKey: "token", instance: "cal")
            try await state.setValue([9], forKey: "token", instance: "cal")
            try await state.setValue([], forKey: "empty", instance: "cal")
            try await state.setValue([0, 255], forKey: "token", instance: "sms")
            try await state.setValue([5], forKey: "removed", instance: "cal")
            try await state.setValue(nil, forKey: "removed", instance: "cal")
        }
        let state = try await PluginStateStore(database: DatabaseQueue(path: path))
        #expect(try await state.value(forKey: "token", instance: "cal") == [9])
        #expect(try await state.value(forKey: "empty", instance: "cal") == [])
        #expect(try await state.value(forKey: "token", instance: "sms") == [0, 255])
        #expect(try await state.keys(instance: "cal") == ["empty", "token"])
        try await state.removeAll(instance: "cal")
        #expect(try await state.keys(instance: "cal") == [])
        #expect(try await state.keys(instance: "sms") == ["token"])
    }

    @Test("the stores share the file with the event log")
    func sharedFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("gateway.db")
        let queue = try DatabaseQueue(path: path)
        let cursors = try await PluginCursorStore(database: queue)
        let state = try await PluginStateStore(database: queue)
        let log = try EventLog(path: path)
        try await cursors.setCursor(3, for: "x")
        try await state.setValue([1], forKey: "k", instance: "x")
        #expect(log.lastSeq == 0)
        #expect(try await cursors.cursor(for: "x") == 3)
    }
}
