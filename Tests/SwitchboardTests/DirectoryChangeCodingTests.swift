import Foundation
import Testing
import Switchboard

@Suite("Directory administration: JSON of changes, determinism, restorable state")
struct DirectoryChangeCodingTests {
    static let changes: [DirectoryChange] = [
        .createUser(Newcomer.fayProfile(role: .teamLeader, settings: UserSettings(activeDevice: .mobile, statusDrivesQueues: true))),
        .updateUser(Newcomer.fayProfile(role: .admin)),
        .removeUser(Newcomer.fay),
        .createQueue(Newcomer.helpQueue(members: [QueueMember(user: Harness.ann, priority: 2)])),
        .updateQueue(Newcomer.helpQueue()),
        .removeQueue(Newcomer.help),
        .setMember(queue: Harness.support, member: QueueMember(user: Harness.cat, priority: 3)),
        .removeMember(queue: Harness.support, user: Harness.cat),
    ]

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("Every change round-trips through JSON, alone and inside its command")
    func roundTrip() throws {
        for change in Self.changes {
            #expect(try JSONDecoder().decode(DirectoryChange.self, from: Data(Self.json(change).utf8)) == change)
            for principal in [Principal.user(Harness.dan), .system, .platform] {
                let command = SwitchboardCommand.administer(change, by: principal)
                #expect(try JSONDecoder().decode(SwitchboardCommand.self, from: Data(Self.json(command).utf8)) == command)
            }
        }
    }

    @Test("Changes are objects tagged by `change`; queues have their durations in milliseconds")
    func shape() throws {
        #expect(try Self.json(DirectoryChange.setMember(queue: Harness.support, member: QueueMember(user: Harness.cat, priority: 3)))
            == #"{"change":"setMember","priority":3,"queue":"support","user":"cat"}"#)
        #expect(try Self.json(DirectoryChange.removeMember(queue: Harness.support, user: Harness.cat))
            == #"{"change":"removeMember","queue":"support","user":"cat"}"#)
        #expect(try Self.json(DirectoryChange.removeUser(Newcomer.fay)) == #"{"change":"removeUser","user":"fay"}"#)
        #expect(try Self.json(DirectoryChange.removeQueue(Newcomer.help)) == #"{"change":"removeQueue","queue":"help"}"#)
        #expect(try Self.json(DirectoryChange.createQueue(Newcomer.helpQueue())) == #"{"change":"createQueue","definition":{"#
            + #""afterMaxWait":"overflow","id":"help","mainNumber":"+4722000004","maxWaitMs":120000,"members":[],"name":"Help","#
            + #""overflowQueue":"support","ringTimeoutMs":10000,"wrapUpMs":5000}}"#)
        #expect(try Self.json(DirectoryChange.createUser(User(id: Newcomer.fay, name: "Fay"))).hasPrefix(#"{"change":"createUser","profile":{"id":"fay","#))
        #expect(try Self.json([Principal.user(Harness.dan), .system, .platform]) == #"[{"user":"dan"},"system","platform"]"#)
        let withoutMembers = #"{"change":"updateQueue","definition":{"afterMaxWait":"voicemail","id":"help","mainNumber":"22000004","#
            + #""maxWaitMs":60000,"name":"Help","ringTimeoutMs":20000,"wrapUpMs":0}}"#
        #expect(try JSONDecoder().decode(DirectoryChange.self, from: Data(withoutMembers.utf8))
            == .updateQueue(CallQueue(id: Newcomer.help, name: "Help", mainNumber: Newcomer.helpNumber, maxWait: .seconds(60))))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DirectoryChange.self, from: Data(#"{"change":"renameCompany"}"#.utf8))
        }
    }

    /// The Harness company changed by every kind of change, with calls around the changes.
    static func scripted() throws -> Harness {
        var h = Harness()
        try h.administer(.createUser(Newcomer.fayProfile()))
        try h.administer(.createQueue(Newcomer.helpQueue(members: [QueueMember(user: Harness.ann)])), by: .system)
        try h.administer(.setMember(queue: Newcomer.help, member: QueueMember(user: Newcomer.fay, priority: 1)))
        try h.logIn(Newcomer.fay, Newcomer.help)
        h.wait(.seconds(2))
        let call = try h.arrive(to: Newcomer.helpNumber)
        try h.answer(Newcomer.fay, call)
        try h.administer(.removeMember(queue: Newcomer.help, user: Harness.ann))
        var fay = Newcomer.fayProfile(role: .admin)
        fay.name = "Fay Berg"
        try h.administer(.updateUser(fay), by: .user(Harness.dan))
        h.wait(.seconds(30))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        var help = Newcomer.helpQueue()
        help.wrapUp = .zero
        try h.administer(.updateQueue(help), by: .user(Newcomer.fay))
        try h.administer(.removeUser(Harness.bob), by: .user(Newcomer.fay))
        h.wait(.seconds(10))
        return h
    }

    @Test("The same commands give the same events, byte for byte, and every event round-trips")
    func deterministic() throws {
        let first = try Self.scripted()
        let second = try Self.scripted()
        #expect(try first.events.map { try $0.jsonData() } == second.events.map { try $0.jsonData() })
        #expect(first.state == second.state)
        for event in first.events {
            #expect(try SwitchboardEvent(jsonData: event.jsonData()) == event)
        }
        #expect(Set(first.allTypes).isSuperset(of: [
            "directory.user.created", "directory.user.updated", "directory.user.removed", "directory.queue.created",
            "directory.queue.updated", "directory.member.set", "directory.member.removed",
        ]))
    }

    @Test("A state after directory changes restores equal from a snapshot and goes on identically")
    func snapshot() throws {
        var h = try Self.scripted()
        var restored = try JSONDecoder().decode(SwitchboardState.self, from: JSONEncoder().encode(h.state))
        #expect(restored == h.state)
        #expect(restored.directory == h.state.directory)
        let command = SwitchboardCommand.telephony(.arrived(from: Harness.customer, to: Newcomer.helpNumber))
        #expect(try restored.handle(command, at: h.now) == h.run(command))
    }

    @Test("The directory after the changes is the one the changes describe, and passes the directory's checks")
    func currentDirectory() throws {
        let h = try Self.scripted()
        let directory = h.state.directory
        #expect(directory.users.map(\.id) == [Harness.ann, Harness.cat, Harness.dan, Harness.eve, Newcomer.fay])
        #expect(directory.users.last?.name == "Fay Berg")
        #expect(directory.queues.map(\.id) == [Harness.support, Harness.sales, Harness.closed, Newcomer.help])
        #expect(directory.queues.last?.members == [QueueMember(user: Newcomer.fay, priority: 1)])
        #expect(directory.queues.last?.wrapUp == .zero)
        #expect(try TenantDirectory(tenant: directory.tenant, name: directory.name, language: directory.language,
                                    users: directory.users, queues: directory.queues) == directory)
    }
}
