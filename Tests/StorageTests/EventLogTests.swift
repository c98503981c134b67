import Foundation
import PluginKit
@testable import Storage
import Testing

@Suite("EventLog")
struct EventLogTests {
    static func event(_ id: String, type: String = "call.arrived", tenant: String = "acme", call: String? = nil, callSeq: Int64? = nil, data: [String: JSONValue] = [:]) -> NewEvent {
        NewEvent(
            id: id, type: type, tenant: tenant, occurredAt: Date(millisecondsSince1970: 1_764_075_048_123),
            callId: call, callSeq: callSeq, data: data)
    }

    static func all(_ log: EventLog) async throws -> [EventEnvelope] {
        try await log.events(after: 0, limit: .max)
    }

    @Test("appends get consecutive seqs from 1 and read back equal")
    func appendAndRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        #expect(log.lastSeq == 0)
        let data: [String: JSONValue] = [
            "text": "blåbær ✓ \"q\" \\ \n", "big": .integer(.max), "fraction": 0.1,
            "nested": ["list": [1, 2.5, nil, true, ["deep": []]], "empty": [:]],
        ]
        let first = try await log.append([Self.event("a", data: data), Self.event("b", call: "c1", callSeq: 1)])
        #expect(first.map(\.seq) == [1, 2])
        #expect(first.map(\.id) == ["a", "b"])
        #expect(first[0].data == data)
        let second = try await log.append([Self.event("c")])
        #expect(second.map(\.seq) == [3])
        #expect(log.lastSeq == 3)
        #expect(try await log.append([]) == [])
        #expect(try await Self.all(log) == first + second)
    }

    @Test("50 concurrent appenders × 100 events: no gaps, each batch contiguous and in order")
    func concurrentAppenders() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        let tasks = 50
        let batches = 10
        let perBatch = 10
        let results = try await withThrowingTaskGroup(of: [[EventEnvelope]].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var appended: [[EventEnvelope]] = []
                    for batch in 0..<batches {
                        let events = (0..<perBatch).map { Self.event("t\(task)-b\(batch)-e\($0)", tenant: "tenant\(task % 3)") }
                        appended.append(try await log.append(events))
                    }
                    return appended
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let total = tasks * batches * perBatch
        for (task, appended) in results.enumerated() {
            var previous: Int64 = 0
            for batch in appended {
                #expect(batch.count == perBatch)
                #expect(batch.map(\.seq) == Array(batch[0].seq..<batch[0].seq + Int64(perBatch)))
                #expect(batch[0].seq > previous)
                previous = batch.last!.seq
                let prefix = batch[0].id.prefix { $0 != "e" }
                #expect(batch.map(\.id) == (0..<perBatch).map { "\(prefix)e\($0)" }, "task \(task)")
            }
        }
        let returned = results.flatMap { $0.flatMap { $0 } }.sorted { $0.seq < $1.seq }
        #expect(returned.map(\.seq) == Array(1...Int64(total)))
        let stored = try await Self.all(log)
        #expect(stored == returned)
        #expect(log.lastSeq == Int64(total))
    }

    @Test("reads filter by tenant and type, from a seq, up to a limit")
    func filters() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        var events: [NewEvent] = []
        for index in 0..<30 {
            let type = ["call.arrived", "call.answered", "queue.caller.joined"][index % 3]
            events.append(Self.event("e\(index)", type: type, tenant: index % 2 == 0 ? "acme" : "globex"))
        }
        _ = try await log.append(events)
        let acme = try await log.events(after: 0, tenant: "acme")
        #expect(acme.count == 15)
        #expect(acme.allSatisfy { $0.tenant == "acme" })
        #expect(acme.map(\.seq) == acme.map(\.seq).sorted())
        let answered = try await log.events(after: 10, tenant: "globex", types: ["call.answered", "nothing"])
        #expect(answered.map(\.id) == ["e13", "e19", "e25"])
        let two = try await log.events(after: 0, types: ["call.arrived", "queue.caller.joined"], limit: 2)
        #expect(two.map(\.id) == ["e0", "e2"])
        #expect(try await log.events(after: 0, types: []).isEmpty)
        #expect(try await log.events(after: 30).isEmpty)
        #expect(try await log.events(after: 25).map(\.seq) == [26, 27, 28, 29, 30])
    }

    @Test("a call's events read in call order")
    func callEvents() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        _ = try await log.append([Self.event("x2", call: "c1", callSeq: 2), Self.event("y1", call: "c2", callSeq: 1)])
        _ = try await log.append([Self.event("x1", call: "c1", callSeq: 1), Self.event("none")])
        #expect(try await log.events(forCall: "c1").map(\.id) == ["x1", "x2"])
        #expect(try await log.events(forCall: "c2").map(\.callSeq) == [1])
        #expect(try await log.events(forCall: "c3").isEmpty)
    }

    @Test("reopening keeps every event and continues the seqs")
    func reopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("log.db")
        var before: [EventEnvelope] = []
        do {
            let log = try EventLog.open(path: path)
            before += try await log.append((0..<5).map { Self.event("a\($0)", data: ["n": .integer(Int64($0))]) })
            before += try await log.append([Self.event("b")])
        }
        let log = try EventLog.open(path: path)
        #expect(log.lastSeq == 6)
        #expect(try await Self.all(log) == before)
        #expect(try await log.append([Self.event("c")]).map(\.seq) == [7])
    }

    @Test("a duplicate id fails its batch alone and appends nothing of it")
    func duplicateID() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        _ = try await log.append([Self.event("a"), Self.event("b")])

        let inLog = try await #require(throws: EventLogError.self) {
            try await log.append([Self.event("c"), Self.event("a")])
        }
        #expect(inLog.code == .duplicateEventID)
        #expect(inLog.eventIDs == ["a"])

        let inBatch = try await #require(throws: EventLogError.self) {
            try await log.append([Self.event("d"), Self.event("d")])
        }
        #expect(inBatch.eventIDs == ["d"])
        #expect(inBatch.description.contains("\"d\""))

        // Many at once, every third repeating an id already in the log: only those fail.
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<30 {
                group.addTask {
                    let ids = index % 3 == 0 ? ["n\(index)", "b"] : ["n\(index)", "m\(index)"]
                    let appended = try? await log.append(ids.map { Self.event($0) })
                    return (index, appended != nil)
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(outcomes.filter { !$0.value }.keys.sorted() == stride(from: 0, to: 30, by: 3).map { $0 })
        let stored = try await Self.all(log)
        #expect(stored.map(\.seq) == Array(1...Int64(2 + 20 * 2)))
        #expect(Set(stored.map(\.id)).count == stored.count)
        #expect(!stored.contains { $0.id == "c" || $0.id == "d" || $0.id == "n0" })
    }

    @Test("when a group's transaction fails, every batch in it fails and leaves nothing")
    func failedGroup() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("log.db")
        let log = try EventLog.open(path: path)
        _ = try await log.append([Self.event("first")])

        // Inserting a poison event fails at run time with an error that is not a constraint
        // (malformed JSON), so the writer gives up the whole transaction.
        let other = try SQLiteDatabase(path: path)
        try other.execute("""
            CREATE TRIGGER poison AFTER INSERT ON event WHEN NEW.type = 'test.poison'
            BEGIN SELECT json('not json'); END
            """)
        // Hold the write lock so the writer waits with one group while the next one gathers.
        try other.execute("BEGIN IMMEDIATE")
        let lone = Task { try await log.append([Self.event("lone")]) }
        try await Self.until { log.groupCommitStatus == (0, true) }
        let members = ["b1", "poisoned", "b2"].map { id in
            Task { try await log.append([Self.event(id + "-1", type: id == "poisoned" ? "test.poison" : "call.arrived"), Self.event(id + "-2")]) }
        }
        try await Self.until { log.groupCommitStatus.pendingBatches == 3 }
        try other.execute("COMMIT")

        #expect(try await lone.value.map(\.seq) == [2])
        for member in members {
            let error = await #expect(throws: SQLiteError.self) { try await member.value }
            #expect(error?.message.contains("malformed JSON") == true)
        }
        #expect(try await Self.all(log).map(\.id) == ["first", "lone"])
        #expect(log.lastSeq == 2)
        try other.execute("DROP TRIGGER poison")
        #expect(try await log.append([Self.event("after")]).map(\.seq) == [3])
    }

    @Test("waiting for events wakes on the commit, not before")
    func waitForEvents() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        _ = try await log.append([Self.event("a")])
        #expect(try await log.waitForEvents(after: 0) == 1)

        let waiter = Task { try await log.waitForEvents(after: 1) }
        try await Task.sleep(for: .milliseconds(50))
        _ = try await log.append([Self.event("b"), Self.event("c")])
        #expect(try await waiter.value == 3)

        let many = (0..<20).map { _ in Task { try await log.waitForEvents(after: 3) } }
        _ = try await log.append([Self.event("d")])
        for task in many { #expect(try await task.value == 4) }
    }

    @Test("a waiting task can be cancelled")
    func cancelWait() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = try EventLog.open(path: directory.path("log.db"))
        let waiter = Task { try await log.waitForEvents(after: 0) }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        let cancelledFirst = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await log.waitForEvents(after: 0)
        }
        await #expect(throws: CancellationError.self) { try await cancelledFirst.value }
    }

    /// Waits (briefly polling: test code only) until `condition` holds.
    static func until(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition not reached in 10 s")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}
