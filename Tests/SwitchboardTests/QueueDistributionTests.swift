import Testing
import Switchboard

@Suite("Queues and distribution: Q-1, Q-2, Q-4, WAIT-1, WAIT-2, WAIT-3")
struct QueueDistributionTests {
    @Test("WAIT-2 offers a waiting call to the free member with the lowest priority number")
    func priorityFirst() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.support)
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.ann])
        #expect(h.offers.last?.rule == .priority)
        #expect(h.offers.last?.priority == 1)
        #expect(h.offers.last?.candidates == 2)
    }

    @Test("WAIT-2 breaks priority ties by the member idle longest, and says so")
    func longestIdle() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.eve, Harness.support)
        let first = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(first) == [Harness.ann])
        try h.answer(Harness.ann, first)
        h.wait(.seconds(30))
        try h.run(.telephony(.hungUp(LegID(call: first, index: 0))))
        h.wait(.seconds(5))
        let second = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(second) == [Harness.eve])
        #expect(h.offers.last?.rule == .longestIdle)
        #expect(h.offers.last?.idleMs == 35_000)
    }

    @Test("WAIT-2 ring timeout moves the offer to the next member; the call is never offered to two at once")
    func ringTimeoutNext() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.bob, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.ann])
        h.wait(.seconds(20))
        #expect(h.ringing(call) == [Harness.bob])
        #expect(h.types(of: call).suffix(2) == ["queue.offer.failed", "queue.offer.ringing"])
        #expect(h.offers.last?.attempt == 2)
        #expect(h.offers.last?.rule == .onlyFreeMember)
    }

    @Test("WAIT-2 members ringing, in a call or in wrap-up are not free")
    func busyMembersAreNotFree() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.sales)
        try h.logIn(Harness.cat, Harness.sales)
        let first = try h.arrive(to: Harness.salesNumber)
        let second = try h.arrive(from: Harness.number("+4740000001"), to: Harness.salesNumber)
        #expect(h.ringing(first) == [Harness.bob])
        #expect(h.ringing(second) == [Harness.cat])
        let third = try h.arrive(from: Harness.number("+4740000002"), to: Harness.salesNumber)
        #expect(h.ringing(third).isEmpty)
        try h.answer(Harness.bob, first)
        #expect(h.ringing(third).isEmpty)
        try h.run(.telephony(.hungUp(LegID(call: first, index: 0))))
        #expect(h.ringing(third) == [Harness.bob])
    }

    /// bob's priority is 2 in support and 1 (better) in sales: with the older caller in
    /// support, a "best-priority queue first" rule would pick wrong; with it in sales, a
    /// "worst-priority queue first" rule would.
    @Test("WAIT-2 a member in several queues gets the caller who has waited longest across them, in either queue",
          arguments: [(Harness.supportNumber, Harness.salesNumber), (Harness.salesNumber, Harness.supportNumber)])
    func longestWaitAcrossQueues(olderIn: PhoneNumber, newerIn: PhoneNumber) throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.support)
        try h.logIn(Harness.bob, Harness.sales)
        let busy = try h.arrive(from: Harness.number("+4740000009"), to: Harness.supportNumber)
        try h.answer(Harness.bob, busy)
        let older = try h.arrive(from: Harness.number("+4740000002"), to: olderIn)
        h.wait(.seconds(2))
        let newer = try h.arrive(from: Harness.number("+4740000001"), to: newerIn)
        h.wait(.seconds(2))
        try h.run(.telephony(.hungUp(LegID(call: busy, index: 0))))
        #expect(h.ringing(older) == [Harness.bob])
        #expect(h.ringing(newer).isEmpty)
    }

    @Test("WAIT-2 wrap-up keeps a member from offers until it ends")
    func wrapUp() throws {
        var directory = Harness.directory()
        var queues = directory.queues
        queues[0].wrapUp = .seconds(10)
        directory = try TenantDirectory(tenant: directory.tenant, name: directory.name, users: directory.users, queues: queues)
        var h = Harness()
        h.state = SwitchboardState(directory: directory, start: Harness.start)
        try h.logIn(Harness.ann, Harness.support)
        let first = try h.arrive(to: Harness.supportNumber)
        try h.answer(Harness.ann, first)
        try h.run(.telephony(.hungUp(LegID(call: first, index: 0))))
        let second = try h.arrive(from: Harness.number("+4740000001"), to: Harness.supportNumber)
        #expect(h.ringing(second).isEmpty)
        h.wait(.seconds(10))
        #expect(h.ringing(second) == [Harness.ann])
        #expect(h.allTypes.contains("member.wrapUp.ended"))
    }

    @Test("WAIT-2 with no free member the caller waits up to max wait, then the queue's voicemail")
    func maxWaitVoicemail() throws {
        var h = Harness()
        let call = try h.arrive(to: Harness.supportNumber)
        h.wait(.seconds(59))
        #expect(h.state.waitingCalls().map(\.call) == [call])
        h.wait(.seconds(1))
        #expect(h.state.waitingCalls().isEmpty)
        #expect(h.telephony.last == .play(LegID(call: call, index: 0), .voicemail(.queue(Harness.support))))
        h.wait(.seconds(12))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        #expect(h.types(of: call).suffix(4) == ["queue.caller.left", "voicemail.left", "call.missed", "call.ended"])
        #expect(h.endings.last?.outcome == .voicemail)
    }

    @Test("WAIT-2 max wait overflows into the overflow queue, where the wait goes on")
    func maxWaitOverflow() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.answer(Harness.ann, try h.arrive(from: Harness.number("+4740000009"), to: Harness.supportNumber))
        let call = try h.arrive(to: Harness.salesNumber)
        h.wait(.seconds(30))
        let joined = h.data("queue.caller.joined") { if case .queueCallerJoined(let d) = $0 { d } else { nil } }
        #expect(joined.last?.queue == Harness.support)
        #expect(joined.last?.cause == .overflow)
        #expect(joined.last?.fromQueue == Harness.sales)
        #expect(h.state.waitingCalls().first?.waitMs == 30_000)
        #expect(h.state.waitingCalls().first?.queue == Harness.support)
        _ = call
    }

    @Test("WAIT-2 max wait with hang_up plays the closed message and ends the call as timed out")
    func maxWaitHangUp() throws {
        var h = Harness()
        let call = try h.arrive(to: Harness.closedNumber)
        h.wait(.seconds(10))
        #expect(h.telephony.suffix(2) == [.play(LegID(call: call, index: 0), .queueClosed(Harness.closed, language: .nb)), .hangUp(LegID(call: call, index: 0))])
        #expect(h.endings.last?.outcome == .timedOut)
        #expect(h.types(of: call).suffix(2) == ["call.missed", "call.ended"])
    }

    @Test("WAIT-1 lists waiting calls with queue and wait, longest first")
    func waitingList() throws {
        var h = Harness()
        let first = try h.arrive(to: Harness.supportNumber)
        h.wait(.seconds(5))
        let second = try h.arrive(from: Harness.number("+4740000001"), to: Harness.salesNumber)
        h.wait(.seconds(3))
        let waiting = h.state.waitingCalls()
        #expect(waiting.map(\.call) == [first, second])
        #expect(waiting.map(\.waitMs) == [8000, 3000])
        #expect(waiting.map(\.queue) == [Harness.support, Harness.sales])
    }

    @Test("WAIT-3 a member picks up a waiting call by hand; a ringing offer elsewhere is rescinded")
    func pickUp() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.ann])
        try h.run(.pickUp(call: call, by: Harness.bob))
        #expect(h.ringing(call) == [Harness.bob])
        let rescinded = h.data("queue.offer.rescinded") { if case .queueOfferRescinded(let d) = $0 { d } else { nil } }
        #expect(rescinded.map(\.reason) == [.pickedUp])
        #expect(h.offers.last?.rule == .pickup)
        try h.answer(Harness.bob, call)
        #expect(h.events.last?.type == "call.answered")
        #expect(throws: SwitchboardError.self) { try h.run(.pickUp(call: call, by: Harness.cat)) }
    }

    @Test("Q-2 members log in and out of their queues with one command each")
    func loginLogout() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.sales)
        #expect(h.state.presence(of: Harness.bob)!.memberships.map(\.loggedIn) == [false, true])
        try h.run(.logOut(user: Harness.bob, queue: Harness.sales, by: Harness.bob))
        #expect(h.allTypes == ["member.queue.login", "member.queue.logout"])
        let data = h.data("member.queue.logout") { if case .memberQueueLogout(let d) = $0 { d } else { nil } }
        #expect(data.first?.cause == .manual)
    }

    @Test("Q-1 the overview counts logged-in members per queue")
    func overview() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.bob, Harness.support)
        #expect(h.state.status(of: Harness.support)?.loggedIn == [Harness.ann, Harness.bob])
        #expect(h.state.status(of: Harness.sales)?.loggedIn == [])
    }

    @Test("Q-4 per queue: members logged in, members in a call, wait of the last answered call")
    func queueCounts() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.eve, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        h.wait(.seconds(7))
        try h.answer(Harness.ann, call)
        let status = try #require(h.state.status(of: Harness.support))
        #expect(status.loggedIn.count == 2)
        #expect(status.membersInCall == 1)
        #expect(status.lastAnsweredWaitMs == 7000)
    }

    @Test("DIR-4 PROF-2 a user's card lists the queues they are a member of and logged into")
    func membershipsOnCard() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.support)
        let memberships = h.state.presence(of: Harness.bob)!.memberships
        #expect(memberships.map(\.queue) == [Harness.support, Harness.sales])
        #expect(memberships.map(\.priority) == [2, 1])
        #expect(memberships.map(\.loggedIn) == [true, false])
    }
}
