import Testing
import Switchboard

@Suite("Bad input: typed errors, state unchanged")
struct BadInputTests {
    /// Runs `command` expecting `code`, and checks nothing changed.
    static func refuses(_ h: inout Harness, _ command: SwitchboardCommand, _ code: SwitchboardError.Code) {
        let before = h.state
        let count = h.events.count
        do {
            try h.run(command)
            Issue.record("\(command) was accepted")
        } catch {
            #expect(error.code == code)
        }
        #expect(h.state == before)
        #expect(h.events.count == count)
    }

    static func connected() throws -> (Harness, CallID) {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        try h.answer(Harness.ann, call)
        return (h, call)
    }

    @Test("Commands on unknown or ended calls are refused")
    func unknownAndEndedCalls() throws {
        var (h, call) = try Self.connected()
        let unknown = CallID(number: 99)
        Self.refuses(&h, .hold(call: unknown, by: Harness.ann), .unknownCall)
        Self.refuses(&h, .telephony(.answered(LegID(call: unknown, index: 0))), .unknownCall)
        Self.refuses(&h, .telephony(.hungUp(LegID(call: call, index: 7))), .unknownLeg)
        Self.refuses(&h, .telephony(.answered(LegID(call: call, index: 1))), .invalidCallState)
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        Self.refuses(&h, .hold(call: call, by: Harness.ann), .callEnded)
        Self.refuses(&h, .transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann), .callEnded)
        Self.refuses(&h, .telephony(.hungUp(LegID(call: call, index: 0))), .callEnded)
        Self.refuses(&h, .telephony(.dtmf(LegID(call: call, index: 0), digit: "1")), .callEnded)
        Self.refuses(&h, .markCalledBack(call: unknown, by: Harness.ann), .unknownCall)
    }

    @Test("Transfers to unknown targets, to oneself, or by someone not in the call are refused")
    func badTransfers() throws {
        var (h, call) = try Self.connected()
        Self.refuses(&h, .transfer(call: call, to: .user(UserID("nobody")), kind: .withReturn, by: Harness.ann), .unknownUser)
        Self.refuses(&h, .transfer(call: call, to: .queue(QueueID("nowhere")), kind: .withoutReturn, by: Harness.ann), .unknownQueue)
        Self.refuses(&h, .transfer(call: call, to: .user(Harness.ann), kind: .assisted, by: Harness.ann), .invalidTarget)
        Self.refuses(&h, .transfer(call: call, to: .user(Harness.cat), kind: .assisted, by: Harness.bob), .notInCall)
        Self.refuses(&h, .completeTransfer(call: call, by: Harness.ann), .invalidCallState)
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann))
        Self.refuses(&h, .completeTransfer(call: call, by: Harness.ann), .invalidCallState)
        Self.refuses(&h, .cancelTransfer(call: call, by: Harness.cat), .notInCall)
    }

    @Test("Status changes by someone not allowed are refused (AV-1, DIR-5)")
    func unauthorizedStatus() throws {
        var h = Harness()
        Self.refuses(&h, .setAvailability(user: Harness.cat, availability: Availability(.away), by: Harness.ann), .notAuthorized)
        Self.refuses(&h, .setAvailability(user: Harness.ann, availability: Availability(.away), by: UserID("ghost")), .unknownUser)
        Self.refuses(&h, .setAvailability(user: Harness.ann, availability: Availability(.away, until: Harness.start), by: Harness.ann), .invalidSettings)
        Self.refuses(&h, .updateSettings(user: Harness.ann, settings: UserSettings(parallelRinging: false), by: Harness.cat), .notAuthorized)
        Self.refuses(&h, .updateSettings(user: Harness.ann, settings: UserSettings(activeDevice: .ipNumber), by: Harness.ann), .invalidSettings)
    }

    @Test("Logins to queues one is not a member of, and double logins, are refused (Q-2)")
    func badLogins() throws {
        var h = Harness()
        Self.refuses(&h, .logIn(user: Harness.ann, queue: Harness.sales, by: Harness.ann), .notAMember)
        Self.refuses(&h, .logIn(user: Harness.ann, queue: QueueID("nowhere"), by: Harness.ann), .unknownQueue)
        Self.refuses(&h, .logIn(user: Harness.bob, queue: Harness.sales, by: Harness.ann), .notAuthorized)
        Self.refuses(&h, .logOut(user: Harness.bob, queue: Harness.sales, by: Harness.bob), .notLoggedIn)
        try h.logIn(Harness.bob, Harness.sales)
        Self.refuses(&h, .logIn(user: Harness.bob, queue: Harness.sales, by: Harness.bob), .alreadyLoggedIn)
        Self.refuses(&h, .pickUp(call: CallID(number: 1), by: Harness.bob), .unknownCall)
    }

    @Test("Calls to unknown numbers, empty comments and click-to-call to oneself are refused")
    func otherBadInput() throws {
        var h = Harness()
        Self.refuses(&h, .telephony(.arrived(from: Harness.customer, to: Harness.number("+4799999999"))), .unknownNumber)
        Self.refuses(&h, .addComment(number: Harness.customer, text: "  ", by: Harness.ann), .emptyComment)
        Self.refuses(&h, .dial(target: .user(Harness.ann), by: Harness.ann), .invalidTarget)
        Self.refuses(&h, .dial(target: .number(Harness.mobile(Harness.ann)), by: Harness.ann), .invalidTarget)
        let waiting = try h.arrive(to: Harness.supportNumber)
        Self.refuses(&h, .pickUp(call: waiting, by: Harness.cat), .notAMember)
    }

    @Test("A directory with duplicate numbers or unknown members is refused")
    func badDirectory() {
        let number = Harness.number("91100001")
        #expect(throws: SwitchboardError.self) {
            try TenantDirectory(tenant: TenantID("x"), name: "X", users: [
                User(id: UserID("a"), name: "A", mobile: number), User(id: UserID("b"), name: "B", ipNumber: number),
            ], queues: [])
        }
        #expect(throws: SwitchboardError.self) {
            try TenantDirectory(tenant: TenantID("x"), name: "X", users: [], queues: [
                CallQueue(id: QueueID("q"), name: "Q", mainNumber: number, members: [QueueMember(user: UserID("ghost"))]),
            ])
        }
    }
}
