import Testing
import Switchboard

@Suite("Directory administration: refused changes change nothing")
struct AdministrationRefusalTests {
    static func refuses(_ h: inout Harness, _ change: DirectoryChange, by: Principal = .user(Harness.dan), _ code: SwitchboardError.Code) {
        BadInputTests.refuses(&h, .administer(change, by: by), code)
    }

    @Test("Only admins and the system change the directory (LOGIN-3)")
    func onlyAdmins() {
        var h = Harness()
        let change = DirectoryChange.createUser(Newcomer.fayProfile())
        Self.refuses(&h, change, by: .user(Harness.ann), .notAuthorized)
        Self.refuses(&h, change, by: .user(Harness.cat), .notAuthorized)
        Self.refuses(&h, change, by: .platform, .notAuthorized)
        Self.refuses(&h, change, by: .user(UserID("ghost")), .unknownUser)
        Self.refuses(&h, .removeUser(Harness.ann), by: .user(Harness.ann), .notAuthorized)
    }

    @Test("Ids must be well-formed and free, names not blank")
    func idsAndNames() {
        var h = Harness()
        var profile = Newcomer.fayProfile()
        Self.refuses(&h, .createUser(User(id: Harness.ann, name: "Another Ann")), .invalidDirectory)
        Self.refuses(&h, .createUser(User(id: UserID("Fay Berg"), name: "Fay")), .invalidDirectory)
        Self.refuses(&h, .createUser(User(id: UserID("-fay"), name: "Fay")), .invalidDirectory)
        profile.name = "  "
        Self.refuses(&h, .createUser(profile), .invalidDirectory)
        var queue = Newcomer.helpQueue()
        queue.name = ""
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        Self.refuses(&h, .createQueue(CallQueue(id: Harness.support, name: "Support 2", mainNumber: Newcomer.helpNumber)), .invalidDirectory)
        Self.refuses(&h, .createQueue(CallQueue(id: QueueID("Help"), name: "Help", mainNumber: Newcomer.helpNumber)), .invalidDirectory)
    }

    @Test("A number belongs to one user or queue")
    func numberClash() throws {
        var h = Harness()
        var profile = Newcomer.fayProfile()
        profile.mobile = Harness.mobile(Harness.bob)
        Self.refuses(&h, .createUser(profile), .invalidDirectory)
        profile.mobile = nil
        profile.ipNumber = Harness.supportNumber
        Self.refuses(&h, .createUser(profile), .invalidDirectory)
        var ann = try #require(h.state.presence(of: Harness.ann)).user
        ann.ipNumber = Harness.eveIP
        Self.refuses(&h, .updateUser(ann), .invalidDirectory)
        var queue = Newcomer.helpQueue()
        queue.mainNumber = Harness.mobile(Harness.ann)
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        var support = try #require(h.state.status(of: Harness.support)).queue
        support.mainNumber = Harness.salesNumber
        Self.refuses(&h, .updateQueue(support), .invalidDirectory)
    }

    @Test("Members are users, once each, with a priority of at least 1")
    func members() {
        var h = Harness()
        Self.refuses(&h, .setMember(queue: Harness.support, member: QueueMember(user: UserID("ghost"))), .unknownUser)
        Self.refuses(&h, .setMember(queue: Harness.support, member: QueueMember(user: Harness.cat, priority: 0)), .invalidDirectory)
        Self.refuses(&h, .createQueue(Newcomer.helpQueue(members: [QueueMember(user: UserID("ghost"))])), .invalidDirectory)
        Self.refuses(&h, .createQueue(Newcomer.helpQueue(members: [QueueMember(user: Harness.ann), QueueMember(user: Harness.ann, priority: 2)])), .invalidDirectory)
        Self.refuses(&h, .createQueue(Newcomer.helpQueue(members: [QueueMember(user: Harness.ann, priority: -1)])), .invalidDirectory)
    }

    @Test("Queue timings are positive and overflow goes to another existing queue")
    func queueRules() throws {
        var h = Harness()
        var queue = Newcomer.helpQueue()
        queue.ringTimeout = .zero
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        queue = Newcomer.helpQueue()
        queue.wrapUp = .seconds(-1)
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        queue = Newcomer.helpQueue()
        queue.overflowQueue = QueueID("nowhere")
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        queue.overflowQueue = Newcomer.help
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        queue.overflowQueue = nil
        Self.refuses(&h, .createQueue(queue), .invalidDirectory)
        var sales = try #require(h.state.status(of: Harness.sales)).queue
        sales.overflowQueue = Harness.sales
        Self.refuses(&h, .updateQueue(sales), .invalidDirectory)
    }

    @Test("updateQueue does not change members")
    func updateQueueMembers() throws {
        var h = Harness()
        var support = try #require(h.state.status(of: Harness.support)).queue
        support.members.removeLast()
        Self.refuses(&h, .updateQueue(support), .invalidDirectory)
        support.members = [QueueMember(user: Harness.cat)]
        Self.refuses(&h, .updateQueue(support), .invalidDirectory)
    }

    @Test("Settings of a new or updated profile follow the settings rules (AV-2, PROF-3)")
    func settings() throws {
        var h = Harness()
        Self.refuses(&h, .createUser(Newcomer.fayProfile(settings: UserSettings(activeDevice: .ipNumber))), .invalidSettings)
        Self.refuses(&h, .createUser(Newcomer.fayProfile(settings: UserSettings(displayNumber: .queue(Harness.support)))), .invalidSettings)
        var eve = try #require(h.state.presence(of: Harness.eve)).user
        eve.settings.activeDevice = .ipNumber
        eve.ipNumber = nil
        Self.refuses(&h, .updateUser(eve), .invalidSettings)
    }

    @Test("Unknown users, queues and memberships are refused")
    func unknownIDs() {
        var h = Harness()
        Self.refuses(&h, .updateUser(Newcomer.fayProfile()), .unknownUser)
        Self.refuses(&h, .removeUser(Newcomer.fay), .unknownUser)
        Self.refuses(&h, .updateQueue(Newcomer.helpQueue()), .unknownQueue)
        Self.refuses(&h, .removeQueue(Newcomer.help), .unknownQueue)
        Self.refuses(&h, .setMember(queue: Newcomer.help, member: QueueMember(user: Harness.ann)), .unknownQueue)
        Self.refuses(&h, .removeMember(queue: Newcomer.help, user: Harness.ann), .unknownQueue)
        Self.refuses(&h, .removeMember(queue: Harness.support, user: Newcomer.fay), .unknownUser)
        Self.refuses(&h, .removeMember(queue: Harness.support, user: Harness.cat), .notAMember)
    }

    @Test("A user a call in progress involves cannot be removed")
    func busyUser() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        Self.refuses(&h, .removeUser(Harness.ann), .inUse)
        try h.answer(Harness.ann, call)
        Self.refuses(&h, .removeUser(Harness.ann), .inUse)
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .withReturn, by: Harness.ann))
        Self.refuses(&h, .removeUser(Harness.ann), .inUse)
        Self.refuses(&h, .removeUser(Harness.bob), .inUse)
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        try h.administer(.removeUser(Harness.ann))
        try h.run(.dial(target: .user(Harness.cat), by: Harness.eve))
        Self.refuses(&h, .removeUser(Harness.cat), .inUse)
        _ = try h.arrive(to: Harness.mobile(Harness.dan))
        Self.refuses(&h, .removeUser(Harness.dan), .inUse)
    }

    @Test("A queue with callers waiting, about to enter, or overflowing into it cannot be removed")
    func busyQueue() throws {
        var h = Harness()
        Self.refuses(&h, .removeQueue(Harness.support), .invalidDirectory)
        let waiting = try h.arrive(to: Harness.closedNumber)
        Self.refuses(&h, .removeQueue(Harness.closed), .inUse)
        try h.run(.telephony(.hungUp(LegID(call: waiting, index: 0))))
        try h.run(.dial(target: .queue(Harness.closed), by: Harness.ann))
        Self.refuses(&h, .removeQueue(Harness.closed), .inUse)
    }
}
