import Testing
import Switchboard

@Suite("Directory administration (LOGIN-3): users, queues, memberships")
struct AdministrationTests {
    @Test("An admin creates a user: Available, in no queue, in the directory, reachable on their number")
    func createUser() throws {
        var h = Harness()
        h.wait(.seconds(5))
        try h.administer(.createUser(Newcomer.fayProfile()))
        #expect(h.allTypes == ["directory.user.created"])
        let created = try #require(h.userChanges.first)
        #expect(created.user == Newcomer.fay && created.profile == Newcomer.fayProfile() && created.previous == nil && created.by == Harness.dan)
        let presence = try #require(h.state.presence(of: Newcomer.fay))
        #expect(presence.availability == .available)
        #expect(presence.memberships.isEmpty)
        #expect(!presence.inCall && !presence.ringing)
        #expect(h.state.directory.users.map(\.id) == [Harness.ann, Harness.bob, Harness.cat, Harness.dan, Harness.eve, Newcomer.fay])
        let call = try h.arrive(to: Newcomer.fayMobile)
        #expect(h.ringing(call) == [Newcomer.fay])
    }

    @Test("WAIT-2 a new user is offered queue calls once a member and logged in, with idle time from their creation")
    func newUserTakesQueueCalls() throws {
        var h = Harness()
        h.wait(.seconds(3))
        try h.administer(.createUser(Newcomer.fayProfile()))
        try h.administer(.setMember(queue: Harness.support, member: QueueMember(user: Newcomer.fay, priority: 1)))
        #expect(h.memberChanges.map(\.summary) == ["support fay 1 by dan"])
        #expect(h.state.presence(of: Newcomer.fay)?.memberships.map(\.summary) == ["support 1 logged out"])
        #expect(h.state.directory.queues.first?.members.last == QueueMember(user: Newcomer.fay, priority: 1))
        try h.logIn(Newcomer.fay, Harness.support)
        h.wait(.seconds(7))
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Newcomer.fay])
        #expect(h.offers.last?.idleMs == 7000)
        try h.answer(Newcomer.fay, call)
        #expect(h.state.presence(of: Newcomer.fay)?.inCall == true)
        #expect(h.state.status(of: Harness.support)?.membersInCall == 1)
    }

    @Test("An admin replaces a profile: numbers move in the number plan, the event has the profile before")
    func updateUser() throws {
        var h = Harness()
        let before = try #require(h.state.presence(of: Harness.ann)).user
        var after = before
        after.name = "Ann Berg"
        after.department = nil
        after.mobile = Harness.number("911 00 099")
        after.language = .en
        after.settings.parallelRinging = false
        try h.administer(.updateUser(after))
        let updated = try #require(h.userChanges.first)
        #expect(updated.user == Harness.ann && updated.profile == after && updated.previous == before && updated.by == Harness.dan)
        #expect(h.state.presence(of: Harness.ann)?.user == after)
        #expect(h.state.directory.users.first == after)
        #expect(throws: SwitchboardError(.unknownNumber, "+47******01 is neither a user's nor a queue's number")) {
            try h.arrive(to: Harness.mobile(Harness.ann))
        }
        let call = try h.arrive(to: Harness.number("911 00 099"))
        #expect(h.ringing(call) == [Harness.ann])
        try h.administer(.updateUser(after))
        #expect(h.userChanges.count == 1, "the same profile again changes nothing")
    }

    @Test("A role change takes effect for the next command (LOGIN-3)")
    func roleChange() throws {
        var h = Harness()
        var cat = try #require(h.state.presence(of: Harness.cat)).user
        AdministrationRefusalTests.refuses(&h, .removeMember(queue: Harness.sales, user: Harness.bob), by: .user(Harness.cat), .notAuthorized)
        cat.role = .admin
        try h.administer(.updateUser(cat))
        try h.administer(.removeMember(queue: Harness.sales, user: Harness.bob), by: .user(Harness.cat))
        var dan = try #require(h.state.presence(of: Harness.dan)).user
        dan.role = .user
        try h.administer(.updateUser(dan), by: .user(Harness.cat))
        AdministrationRefusalTests.refuses(&h, .removeMember(queue: Harness.sales, user: Harness.cat), .notAuthorized)
        try h.run(.setAvailability(user: Harness.dan, availability: Availability(.away), by: Harness.cat))
        BadInputTests.refuses(&h, .setAvailability(user: Harness.cat, availability: Availability(.away), by: Harness.dan), .notAuthorized)
    }

    @Test("A user who gets a phone number is offered the calls already waiting")
    func numberMakesMemberFree() throws {
        var h = Harness()
        var ann = try #require(h.state.presence(of: Harness.ann)).user
        let mobile = try #require(ann.mobile)
        ann.mobile = nil
        try h.administer(.updateUser(ann))
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call).isEmpty)
        ann.mobile = mobile
        try h.administer(.updateUser(ann))
        #expect(h.ringing(call) == [Harness.ann])
    }

    @Test("Removing a user logs them out of their queues, ends their memberships and frees their numbers")
    func removeUser() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(statusDrivesQueues: true)])
        try h.logIn(Harness.bob, Harness.sales)
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.away, until: h.now + .seconds(60)), by: Harness.bob))
        try h.logIn(Harness.bob, Harness.support)
        let count = h.events.count
        try h.administer(.removeUser(Harness.bob))
        #expect(h.allTypes.dropFirst(count) == ["member.queue.logout", "directory.user.removed"])
        #expect(h.logouts.map(\.summary).last == "bob support directory by dan")
        guard case .directoryUserRemoved(let removed) = h.events.last?.payload else { Issue.record("no directory.user.removed"); return }
        #expect(removed.queues == [Harness.support, Harness.sales])
        #expect(removed.profile.id == Harness.bob)
        #expect(removed.by == Harness.dan)
        #expect(h.state.presence(of: Harness.bob) == nil)
        #expect(h.state.status(of: Harness.support)?.queue.members.map(\.user) == [Harness.ann, Harness.eve])
        #expect(h.state.status(of: Harness.sales)?.queue.members.map(\.user) == [Harness.cat])
        #expect(h.state.directory.users.map(\.id) == [Harness.ann, Harness.cat, Harness.dan, Harness.eve])
        #expect(throws: SwitchboardError.self) { try h.arrive(to: Harness.mobile(Harness.bob)) }
        h.wait(.seconds(60))
        #expect(h.events.count == count + 2, "the removed user's status timer does nothing")
    }

    @Test("WAIT-2 a removed user is no longer offered calls; the users after them keep their own state")
    func removedUserIsNotOffered() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.support)
        try h.logIn(Harness.eve, Harness.support)
        try h.run(.setAvailability(user: Harness.eve, availability: Availability(.busy), by: Harness.eve))
        try h.administer(.removeUser(Harness.ann))
        try h.administer(.removeUser(Harness.bob))
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.eve])
        #expect(h.offers.last?.candidates == 1)
        #expect(h.state.presence(of: Harness.eve)?.availability.status == .busy)
        #expect(h.state.presence(of: Harness.eve)?.ringing == true)
        try h.answer(Harness.eve, call)
        #expect(h.state.status(of: Harness.support)?.membersInCall == 1)
        #expect(h.state.presence(of: Harness.cat)?.inCall == false)
    }

    @Test("A queue is created at the end of the directory with its first members logged out")
    func createQueue() throws {
        var h = Harness()
        let help = Newcomer.helpQueue(members: [QueueMember(user: Harness.cat, priority: 2), QueueMember(user: Harness.ann)])
        try h.administer(.createQueue(help), by: .system)
        let created = try #require(h.queueChanges.first)
        #expect(created.queue == Newcomer.help && created.definition == help && created.previous == nil && created.by == nil)
        #expect(h.state.directory.queues.map(\.id) == [Harness.support, Harness.sales, Harness.closed, Newcomer.help])
        #expect(h.state.status(of: Newcomer.help)?.loggedIn == [])
        #expect(h.state.presence(of: Harness.cat)?.memberships.map(\.queue) == [Harness.sales, Newcomer.help])
        let call = try h.arrive(to: Newcomer.helpNumber)
        #expect(h.state.waitingCalls().map(\.queue) == [Newcomer.help])
        try h.logIn(Harness.cat, Newcomer.help)
        #expect(h.ringing(call) == [Harness.cat])
        #expect(h.offers.last?.ringTimeoutMs == 10_000)
    }

    @Test("A queue's definition is replaced but not its members; the number plan follows")
    func updateQueue() throws {
        var h = Harness()
        let previous = try #require(h.state.status(of: Harness.closed)).queue
        var changed = previous
        changed.name = "Closed for lunch"
        changed.mainNumber = Harness.number("22 00 00 09")
        changed.maxWait = .seconds(20)
        changed.afterMaxWait = .overflow
        changed.overflowQueue = Harness.sales
        changed.members = []
        try h.administer(.updateQueue(changed))
        changed.members = previous.members
        let updated = try #require(h.queueChanges.first)
        #expect(updated.queue == Harness.closed && updated.definition == changed && updated.previous == previous && updated.by == Harness.dan)
        #expect(h.state.status(of: Harness.closed)?.queue == changed)
        #expect(h.state.directory.queues.last == changed)
        #expect(throws: SwitchboardError.self) { try h.arrive(to: Harness.closedNumber) }
        try h.logIn(Harness.bob, Harness.sales)
        let call = try h.arrive(to: Harness.number("22 00 00 09"))
        h.wait(.seconds(20))
        #expect(h.ringing(call) == [Harness.bob], "the new overflow applies")
        try h.administer(.updateQueue(changed))
        #expect(h.queueChanges.count == 1, "the same definition with its members changes nothing")
    }

    @Test("Removing a queue logs its members out and frees its number")
    func removeQueue() throws {
        var h = Harness()
        try h.logIn(Harness.dan, Harness.closed)
        let previous = try #require(h.state.status(of: Harness.closed)).queue
        try h.administer(.removeQueue(Harness.closed))
        #expect(h.allTypes.suffix(2) == ["member.queue.logout", "directory.queue.removed"])
        #expect(h.logouts.map(\.summary) == ["dan closed directory by dan"])
        let removed = try #require(h.queueChanges.first)
        #expect(removed.queue == Harness.closed && removed.definition == previous && removed.previous == nil && removed.by == Harness.dan)
        #expect(h.state.status(of: Harness.closed) == nil)
        #expect(h.state.presence(of: Harness.dan)?.memberships == [])
        #expect(h.state.directory.queues.map(\.id) == [Harness.support, Harness.sales])
        #expect(throws: SwitchboardError.self) { try h.arrive(to: Harness.closedNumber) }
        try h.administer(.createQueue(Newcomer.helpQueue(members: [QueueMember(user: Harness.dan)])))
        try h.logIn(Harness.dan, Newcomer.help)
        #expect(h.state.presence(of: Harness.dan)?.memberships.map(\.queue) == [Newcomer.help])
    }

    @Test("WAIT-2 setMember changes a priority for the next offer; the same priority again changes nothing")
    func changePriority() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.bob, Harness.support)
        try h.administer(.setMember(queue: Harness.support, member: QueueMember(user: Harness.ann, priority: 3)))
        try h.administer(.setMember(queue: Harness.support, member: QueueMember(user: Harness.ann, priority: 3)))
        #expect(h.memberChanges.map(\.summary) == ["support ann 3 (was 1) by dan"])
        #expect(h.state.presence(of: Harness.ann)?.memberships.map(\.summary) == ["support 3 logged in"])
        #expect(h.state.directory.queues.first?.members.first == QueueMember(user: Harness.ann, priority: 3))
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.bob])
        #expect(h.offers.last?.rule == .priority)
    }

    @Test("Removing a member logs them out first: a ringing offer is withdrawn and goes to the next member")
    func removeRingingMember() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.eve, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.ann])
        let count = h.events.count
        try h.administer(.removeMember(queue: Harness.support, user: Harness.ann))
        #expect(h.allTypes.dropFirst(count) == ["member.queue.logout", "queue.offer.rescinded", "directory.member.removed", "queue.offer.ringing"])
        #expect(h.memberChanges.map(\.summary) == ["support ann 1 by dan"])
        #expect(h.ringing(call) == [Harness.eve])
        #expect(h.state.presence(of: Harness.ann)?.memberships.isEmpty == true)
        #expect(h.state.status(of: Harness.support)?.loggedIn == [Harness.eve])
        #expect(throws: SwitchboardError.self) { try h.logIn(Harness.ann, Harness.support) }
    }

    @Test("PROF-3, PROF-9: an ended membership is no longer a display number nor a queue to log back into")
    func endedMembershipSettings() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(displayNumber: .queue(Harness.sales), statusDrivesQueues: true)])
        try h.logIn(Harness.bob, Harness.sales)
        try h.logIn(Harness.bob, Harness.support)
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.away), by: Harness.bob))
        #expect(h.state.presence(of: Harness.bob)?.rememberedQueues == [Harness.support, Harness.sales])
        try h.administer(.removeMember(queue: Harness.sales, user: Harness.bob))
        #expect(h.state.presence(of: Harness.bob)?.rememberedQueues == [Harness.support])
        #expect(h.state.presence(of: Harness.bob)?.user.settings.displayNumber == .own)
        try h.run(.setAvailability(user: Harness.bob, availability: .available, by: Harness.bob))
        #expect(h.state.presence(of: Harness.bob)?.memberships.filter(\.loggedIn).map(\.queue) == [Harness.support])
        try h.run(.dial(target: .number(Harness.number("+4740000001")), by: Harness.bob))
        let call = h.events.last!.callID!
        try h.answer(Harness.bob, call)
        #expect(h.telephony.last == .ring(LegID(call: call, index: 1), number: Harness.number("+4740000001"), callerID: Harness.mobile(Harness.bob)))
    }
}
