import Foundation
import Gateway
import PluginKit
import Storage
import Switchboard
import Testing

private let demo = """
    [[tenants]]
    id = "acme"
    name = "Acme AS"
    [[tenants.users]]
    id = "kari"
    name = "Kari"
    mobile = "400 00 001"
    role = "admin"
    [[tenants.users]]
    id = "ola"
    name = "Ola"
    mobile = "400 00 002"
    [[tenants.queues]]
    id = "support"
    name = "Support"
    main_number = "21 00 00 00"
    members = [{ user = "kari" }, { user = "ola", priority = 2 }]
    """

private func directory() throws -> TenantDirectory {
    let configuration = try GatewayConfiguration.parse(demo, file: "test.toml")
    return try configuration.tenants[0].makeDirectory()
}

private func temporaryLog() throws -> (EventLog, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-runtime-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("log.sqlite").path
    return (try EventLog.open(path: path), path)
}

private let start = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)

private func at(_ seconds: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + seconds * 1000) }

@Suite("Tenant runtime: the engine on the durable log, replayed at start")
struct TenantRuntimeTests {
    @Test func acknowledgedEventsAreDurableInEngineOrderWithTheirJournalEntry() async throws {
        let (log, _) = try temporaryLog()
        let runtime = try await TenantRuntime.start(directory: try directory(), log: log, now: start)
        let login = try await runtime.perform(.logIn(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari")), at: at(1))
        #expect(login.map(\.type) == ["member.queue.login"])
        let call = try await runtime.perform(.telephony(.arrived(from: try PhoneNumber(parsing: "+4791234567"), to: try PhoneNumber(parsing: "21000000"))), at: at(2))
        #expect(call.first?.type == "call.incoming")
        let stored = try await log.events(after: 0)
        #expect(stored.map(\.type).filter { $0 != "engine.command" } == (login + call).map(\.type))
        #expect(stored.filter { $0.type == "engine.command" }.count == 3, "the start and one entry per command")
        #expect(zip(stored, stored.dropFirst()).allSatisfy { $0.seq + 1 == $1.seq })
    }

    @Test func theVersionCountsEveryChangeAndNoRead() async throws {
        let (log, _) = try temporaryLog()
        let runtime = try await TenantRuntime.start(directory: try directory(), log: log, now: start)
        let initial = runtime.version
        _ = await runtime.read { $0.waitingCalls() }
        _ = await runtime.readCallLog { $0.count }
        #expect(runtime.version == initial, "reads change nothing")
        try await runtime.perform(.telephony(.arrived(from: try PhoneNumber(parsing: "+4791234567"), to: try PhoneNumber(parsing: "21000000"))), at: at(1))
        let afterCall = runtime.version
        #expect(afterCall > initial)
        await #expect(throws: SwitchboardError.self) {
            try await runtime.perform(.pickUp(call: CallID("call-99")!, by: UserID("kari")), at: at(2))
        }
        #expect(runtime.version > afterCall, "a refused command still advanced the clock")
    }

    @Test func aRestartReplaysTheJournalToExactlyTheSameState() async throws {
        let (log, path) = try temporaryLog()
        let directory = try directory()
        let first = try await TenantRuntime.start(directory: directory, log: log, now: start)
        try await first.perform(.logIn(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari")), at: at(1))
        try await first.perform(.logIn(user: UserID("ola"), queue: QueueID("support"), by: UserID("ola")), at: at(1))
        try await first.perform(.telephony(.arrived(from: try PhoneNumber(parsing: "+4791234567"), to: try PhoneNumber(parsing: "21000000"))), at: at(2))
        try await first.perform(.setAvailability(user: UserID("ola"), availability: Availability(.busy), by: UserID("ola")), at: at(3))
        try await first.perform(.addComment(number: try PhoneNumber(parsing: "+4791234567"), text: "VIP", by: UserID("kari")), at: at(4))
        try await first.tick()
        let before = await first.read { $0 }
        let logBefore = await first.readCallLog { $0 }
        #expect(logBefore.count == 1)

        let reopened = try EventLog.open(path: path)
        let second = try await TenantRuntime.start(directory: directory, log: reopened, now: at(100))
        let after = await second.read { $0 }
        #expect(after == before)
        #expect(await second.readCallLog { $0 } == logBefore)

        let next = try await second.perform(.logOut(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari")), at: at(5))
        let ids = try await reopened.events(after: 0).map(\.id)
        #expect(Set(ids).count == ids.count, "no id is reused after the restart")
        #expect(next.first.map { ids.contains($0.id) } == true)
    }

    @Test func directoryChangesAreJournaledAndReplayed() async throws {
        let (log, path) = try temporaryLog()
        let directory = try directory()
        let first = try await TenantRuntime.start(directory: directory, log: log, now: start)
        let lise = User(id: UserID("lise"), name: "Lise", mobile: try PhoneNumber(parsing: "400 00 003"))
        let created = try await first.perform(.administer(.createUser(lise), by: .user(UserID("kari"))), at: at(1))
        #expect(created.map(\.type) == ["directory.user.created"])
        try await first.perform(.administer(.setMember(queue: QueueID("support"), member: QueueMember(user: lise.id)), by: .system), at: at(2))
        try await first.perform(.administer(.removeUser(UserID("ola")), by: .user(UserID("kari"))), at: at(3))
        try await first.perform(.logIn(user: lise.id, queue: QueueID("support"), by: lise.id), at: at(4))
        let before = await first.read { $0 }

        let second = try await TenantRuntime.start(directory: directory, log: try EventLog.open(path: path), now: at(100))
        #expect(await second.read { $0 } == before)
        #expect(await second.read { $0.directory.users.map(\.id) } == [UserID("kari"), UserID("lise")])
        #expect(await second.read { $0.presence(of: UserID("lise"))?.memberships.first?.loggedIn } == true)
    }

    /// Holds the log's commit behind another connection's write lock, so the command is
    /// suspended inside `log.append` while reads run: they must see the state before it.
    @Test func readsSeeOnlyCommittedState() async throws {
        let (log, path) = try temporaryLog()
        let runtime = try await TenantRuntime.start(directory: try directory(), log: log, now: start)
        let lock = try SQLiteDatabase(path: path, configuration: SQLiteConfiguration(busyTimeout: .seconds(10)))
        try lock.execute("BEGIN IMMEDIATE")
        let versionBefore = runtime.version
        let call = Task {
            try await runtime.perform(.telephony(.arrived(from: try PhoneNumber(parsing: "+4791234567"), to: try PhoneNumber(parsing: "21000000"))), at: at(1))
        }
        let deadline = ContinuousClock.now + .milliseconds(400)
        var reads = 0
        while ContinuousClock.now < deadline {
            #expect(await runtime.read { $0.waitingCalls().isEmpty }, "a read saw a call whose events are not committed")
            #expect(await runtime.readCallLog { $0.count } == 0)
            #expect(runtime.version == versionBefore)
            reads += 1
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(try await log.events(after: 0).filter { $0.type == "call.incoming" }.isEmpty, "the commit was held")
        try lock.execute("ROLLBACK")
        let events = try await call.value
        #expect(events.first?.type == "call.incoming")
        #expect(await runtime.read { $0.waitingCalls().count } == 1)
        #expect(await runtime.readCallLog { $0.count } == 1)
        #expect(runtime.version > versionBefore)
        #expect(reads > 10)
    }

    @Test func aRefusedCommandLeavesNothingInTheLog() async throws {
        let (log, _) = try temporaryLog()
        let runtime = try await TenantRuntime.start(directory: try directory(), log: log, now: start)
        let before = try await log.events(after: 0).count
        await #expect(throws: SwitchboardError.self) {
            try await runtime.perform(.setAvailability(user: UserID("kari"), availability: Availability(.busy), by: UserID("ola")), at: at(1))
        }
        #expect(try await log.events(after: 0).count == before)
    }
}

@Test("Tenant runtime: a journal written with other users or queues is refused, not replayed wrongly")
func changedDirectoryIsRefused() async throws {
    let (log, path) = try temporaryLog()
    let original = try directory()
    let runtime = try await TenantRuntime.start(directory: original, log: log, now: start)
    try await runtime.perform(.logIn(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari")), at: at(1))
    let changed = try TenantDirectory(
        tenant: original.tenant, name: original.name, language: original.language, users: original.users,
        queues: original.queues.map { queue in
            CallQueue(id: queue.id, name: queue.name, mainNumber: queue.mainNumber, ringTimeout: .seconds(45), members: queue.members)
        })
    await #expect(throws: JournalMismatchError.self) {
        _ = try await TenantRuntime.start(directory: changed, log: try EventLog.open(path: path), now: at(10))
    }
    _ = try await TenantRuntime.start(directory: original, log: try EventLog.open(path: path), now: at(10))
}
