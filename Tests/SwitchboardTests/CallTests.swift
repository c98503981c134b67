import Testing
import Switchboard

@Suite("Calls: CALL-1, DIR-2, PHONE-1, AV-2, PROF-3, PROF-4, PROF-6, PROF-7, Q-3")
struct CallTests {
    @Test("CALL-1 an incoming call carries the caller's details, a colleague's name included")
    func incomingDetails() throws {
        var h = Harness()
        let call = try h.arrive(from: Harness.mobile(Harness.bob), to: Harness.mobile(Harness.ann))
        guard case .callIncoming(let data) = h.events.first!.payload else { Issue.record("no call.incoming"); return }
        #expect(data.fromUser == Harness.bob)
        #expect(data.fromName == "Bob")
        #expect(data.route == .direct)
        #expect(data.user == Harness.ann)
        #expect(h.events.first?.callSeq == 1)
        #expect(h.ringing(call) == [Harness.ann])
    }

    @Test("DIR-2 click-to-call rings the caller's own phone first, then the colleague")
    func clickToCallColleague() throws {
        var h = Harness()
        try h.run(.dial(target: .user(Harness.bob), by: Harness.ann))
        let call = h.events.last!.callID!
        #expect(h.telephony.last == .ring(LegID(call: call, index: 0), number: Harness.mobile(Harness.ann), callerID: Harness.mobile(Harness.bob)))
        #expect(h.ringing(call) == [Harness.ann])
        try h.answer(Harness.ann, call)
        #expect(h.ringing(call) == [Harness.bob])
        try h.answer(Harness.bob, call)
        #expect(h.types(of: call) == ["call.outgoing", "call.ringing", "call.answered"])
        try h.run(.hangUp(call: call, by: Harness.ann))
        #expect(h.endings.last?.outcome == .answered)
        #expect(h.endings.last?.endedBy == .user)
        #expect(h.endings.last?.endedByUser == Harness.ann)
    }

    @Test("PHONE-1 dialing a number rings your active phone first, then the number with your display number")
    func dialNumber() throws {
        var h = Harness()
        let target = Harness.number("+4740000001")
        try h.run(.dial(target: .number(target), by: Harness.ann))
        let call = h.events.last!.callID!
        try h.answer(Harness.ann, call)
        #expect(h.telephony.last == .ring(LegID(call: call, index: 1), number: target, callerID: Harness.mobile(Harness.ann)))
        try h.run(.telephony(.answered(LegID(call: call, index: 1))))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 1))))
        #expect(h.endings.last?.outcome == .answered)
        #expect(h.endings.last?.endedBy == .remote)
    }

    @Test("PROF-3 the display number may be the main number of a queue one is a member of")
    func displayNumber() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(displayNumber: .queue(Harness.sales))])
        try h.run(.dial(target: .number(Harness.number("+4740000001")), by: Harness.bob))
        let call = h.events.last!.callID!
        try h.answer(Harness.bob, call)
        #expect(h.telephony.last == .ring(LegID(call: call, index: 1), number: Harness.number("+4740000001"), callerID: Harness.salesNumber))
        #expect(throws: SwitchboardError.self) {
            try h.run(.updateSettings(user: Harness.ann, settings: UserSettings(displayNumber: .queue(Harness.sales)), by: Harness.ann))
        }
    }

    @Test("AV-2 the active number is the phone used to call out and to pick up")
    func activeDevice() throws {
        var h = Harness()
        try h.run(.updateSettings(user: Harness.eve, settings: UserSettings(activeDevice: .ipNumber), by: Harness.eve))
        try h.logIn(Harness.eve, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.offers.last?.number == Harness.eveIP)
        #expect(h.offers.last?.device == .ipNumber)
        try h.run(.dial(target: .user(Harness.ann), by: Harness.eve))
        #expect(h.telephony.last == .ring(LegID(call: h.events.last!.callID!, index: 0), number: Harness.eveIP, callerID: Harness.mobile(Harness.ann)))
        _ = call
    }

    @Test("PROF-4 the transfer default answers direct calls")
    func transferDefault() throws {
        var h = Harness(settings: [Harness.eve: UserSettings(transferDefault: .ipNumber, parallelRinging: false)])
        let call = try h.arrive(to: Harness.mobile(Harness.eve))
        #expect(h.telephony.last == .ring(LegID(call: call, index: 1), number: Harness.eveIP, callerID: Harness.customer))
    }

    @Test("PROF-7 parallel ringing rings both phones at once; the first to answer wins")
    func parallelRinging() throws {
        var h = Harness()
        let call = try h.arrive(to: Harness.eveIP)
        #expect(h.ringing(call) == [Harness.eve, Harness.eve])
        // Which phones: her IP phone and her mobile, each once, with the caller's number shown.
        let rung = h.telephony.compactMap { command -> String? in
            guard case .ring(let leg, let number, let callerID) = command, leg.call == call, callerID == Harness.customer else { return nil }
            return "\(number)"
        }
        #expect(rung.sorted() == ["\(Harness.eveIP)", "\(Harness.mobile(Harness.eve))"].sorted())
        try h.run(.telephony(.answered(LegID(call: call, index: 2))))
        #expect(h.telephony.suffix(2) == [.hangUp(LegID(call: call, index: 1)), .bridge(LegID(call: call, index: 0), LegID(call: call, index: 2))])
    }

    @Test("PROF-7 one at a time rings the other phone after the ring timeout")
    func sequentialRinging() throws {
        var h = Harness(settings: [Harness.eve: UserSettings(parallelRinging: false)])
        let call = try h.arrive(to: Harness.eveIP)
        #expect(h.state.parties(of: call).map(\.leg.index) == [1])
        h.wait(.seconds(20))
        #expect(h.state.parties(of: call).map(\.leg.index) == [2])
        #expect(h.telephony.last == .ring(LegID(call: call, index: 2), number: Harness.eveIP, callerID: Harness.customer))
    }

    @Test("PROF-6 no answer on a direct call goes to voicemail when on, ends as timed out when off")
    func voicemailOnNoAnswer() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(incoming: IncomingCallSettings(voicemailOnNoAnswer: false))])
        let toAnn = try h.arrive(to: Harness.mobile(Harness.ann))
        h.wait(.seconds(20))
        #expect(h.telephony.last == .play(LegID(call: toAnn, index: 0), .voicemail(.user(Harness.ann))))
        let toBob = try h.arrive(from: Harness.number("+4740000001"), to: Harness.mobile(Harness.bob))
        h.wait(.seconds(20))
        #expect(h.endings.last?.outcome == .timedOut)
        #expect(h.types(of: toBob).suffix(2) == ["call.missed", "call.ended"])
    }

    @Test("PROF-6 call forwarding sends direct calls to another number")
    func forwarding() throws {
        let forward = Harness.number("+4740000077")
        var h = Harness(settings: [Harness.ann: UserSettings(incoming: IncomingCallSettings(forwardTo: forward))])
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        #expect(h.telephony.last == .ring(LegID(call: call, index: 1), number: forward, callerID: Harness.customer))
        try h.run(.telephony(.answered(LegID(call: call, index: 1))))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        #expect(h.types(of: call) == ["call.incoming", "call.forwarded", "call.ringing", "call.answered", "call.ended"])
        #expect(h.endings.last?.outcome == .forwarded)
    }

    @Test("Q-3 a user calls a queue: their phone rings first, then they wait in the queue like a caller")
    func callAQueue() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.sales)
        try h.run(.dial(target: .queue(Harness.sales), by: Harness.ann))
        let call = h.events.last!.callID!
        try h.answer(Harness.ann, call)
        #expect(h.ringing(call) == [Harness.bob])
        let joined = h.data("queue.caller.joined") { if case .queueCallerJoined(let d) = $0 { d } else { nil } }
        #expect(joined.last?.cause == .dialed)
    }

    @Test("Hold and resume the other party")
    func holdResume() throws {
        var h = Harness()
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        try h.answer(Harness.ann, call)
        try h.run(.hold(call: call, by: Harness.ann))
        #expect(h.telephony.last == .hold(LegID(call: call, index: 0)))
        try h.run(.resume(call: call, by: Harness.ann))
        #expect(h.telephony.last == .bridge(LegID(call: call, index: 0), LegID(call: call, index: 1)))
        #expect(h.types(of: call).suffix(2) == ["call.held", "call.resumed"])
    }

    @Test("I18N-1 prompts are in the user's language")
    func language() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(assistant: AssistantSettings(enabled: true))])
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.offWork), by: Harness.bob))
        let call = try h.arrive(to: Harness.mobile(Harness.bob))
        #expect(h.telephony.last == .play(LegID(call: call, index: 0), .assistant(user: Harness.bob, customMessage: nil, status: .offWork, inCall: false, language: .en)))
    }
}
