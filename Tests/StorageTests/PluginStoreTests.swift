import PluginKit
import Storage
import Testing

@Suite("Plugin delivery ledger and state")
struct PluginStoreTests {
    @Test("the delivery ledger keeps cursor, status and dead letters per instance, survives reopening")
    func ledger() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("plugins.db")
        do {
            let ledger = PluginDeliveryLedger(database: try await migrated(path))
            #expect(try await ledger.status(of: "crm") == nil)
            let letter = PluginDeliveryLedger.DeadLetterRow(seq: 7, event: "{}", reason: "permanent: 410", attempts: 1, firstAttemptAt: 1, lastAttemptAt: 2)
            try await ledger.save(instance: "crm", cursor: 7, status: #"{"cursor":7}"#, deadLetters: [letter])
            try await ledger.save(instance: "crm", cursor: 9, status: #"{"cursor":9}"#, deadLetters: [])
            try await ledger.save(instance: "sms", cursor: 1, status: #"{"cursor":1}"#, deadLetters: [])
        }
        let ledger = PluginDeliveryLedger(database: try await migrated(path))
        #expect(try await ledger.statuses() == ["crm": #"{"cursor":9}"#, "sms": #"{"cursor":1}"#])
        #expect(try await ledger.deadLetters(of: "crm").map(\.seq) == [7])
        #expect(try await ledger.deadLetters(of: "sms").isEmpty)
        try await ledger.removeDeadLetter(instance: "crm", seq: 7)
        #expect(try await ledger.deadLetters(of: "crm").isEmpty)
    }

    @Test("state keeps bytes per instance and key, survives reopening")
    func state() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("plugins.db")
        do {
            let state = PluginStateTable(database: try await migrated(path))
            #expect(try await state.value(forKey: "token", instance: "cal") == nil)
            try await state.setValue([1, 2, 3], forKey: "token", instance: "cal")
            try await state.setValue([9], forKey: "token", instance: "cal")
            try await state.setValue([], forKey: "empty", instance: "cal")
            try await state.setValue([0, 255], forKey: "token", instance: "sms")
            try await state.setValue([5], forKey: "removed", instance: "cal")
            try await state.setValue(nil, forKey: "removed", instance: "cal")
        }
        let state = PluginStateTable(database: try await migrated(path))
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
        let queue = try await migrated(path)
        let ledger = PluginDeliveryLedger(database: queue)
        let state = PluginStateTable(database: queue)
        let log = try EventLog.open(path: path)
        try await ledger.save(instance: "x", cursor: 3, status: "{}", deadLetters: [])
        try await state.setValue([1], forKey: "k", instance: "x")
        #expect(log.lastSeq == 0)
        #expect(try await ledger.status(of: "x")?.cursor == 3)
        #expect(try await ledger.status(of: "x")?.status == "{}")
        #expect(try await state.value(forKey: "k", instance: "x") == [1])
    }
}

/// A connection to the database at `path` after the one migration pass the gateway runs.
private func migrated(_ path: String) async throws -> DatabaseQueue {
    let queue = try DatabaseQueue(path: path)
    try await StorageSchema.migrate(queue)
    return queue
}
