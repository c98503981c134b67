import Testing
import Switchboard

@Suite("Transfers: DIR-3, Q-3")
struct TransferTests {
    /// ann answers a support call and is talking to the customer.
    static func connected() throws -> (Harness, CallID) {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        try h.answer(Harness.ann, call)
        return (h, call)
    }

    @Test("DIR-3 assisted transfer: caller on hold, consult the target, then complete")
    func assistedComplete() throws {
        var (h, call) = try Self.connected()
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann))
        #expect(h.telephony.contains(.hold(LegID(call: call, index: 0))))
        try h.answer(Harness.bob, call)
        #expect(h.telephony.last == .bridge(LegID(call: call, index: 1), LegID(call: call, index: 2)))
        try h.run(.completeTransfer(call: call, by: Harness.ann))
        #expect(h.telephony.suffix(2) == [.hangUp(LegID(call: call, index: 1)), .bridge(LegID(call: call, index: 0), LegID(call: call, index: 2))])
        #expect(h.types(of: call).suffix(5) == ["call.transfer.started", "call.held", "call.ringing", "call.transfer.answered", "call.transferred"])
        let transferred = h.data("call.transferred") { if case .callTransferred(let d) = $0 { d } else { nil } }
        #expect(transferred.last?.outcome == .completed)
        #expect(transferred.last?.kind == .assisted)
        #expect(h.state.presence(of: Harness.ann)?.inCall == false)
        #expect(h.state.presence(of: Harness.bob)?.inCall == true)
    }

    @Test("DIR-3 assisted transfer: cancel returns to the caller")
    func assistedCancel() throws {
        var (h, call) = try Self.connected()
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann))
        try h.answer(Harness.bob, call)
        try h.run(.cancelTransfer(call: call, by: Harness.ann))
        #expect(h.telephony.suffix(2) == [.hangUp(LegID(call: call, index: 2)), .bridge(LegID(call: call, index: 0), LegID(call: call, index: 1))])
        let transferred = h.data("call.transferred") { if case .callTransferred(let d) = $0 { d } else { nil } }
        #expect(transferred.last?.outcome == .cancelled)
        #expect(h.types(of: call).last == "call.resumed")
    }

    @Test("DIR-3 assisted transfer cancelled while the target still rings: the ringing stops, the caller is back")
    func assistedCancelWhileRinging() throws {
        var (h, call) = try Self.connected()
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann))
        #expect(h.ringing(call) == [Harness.bob])
        try h.run(.cancelTransfer(call: call, by: Harness.ann))
        #expect(h.ringing(call).isEmpty)
        #expect(h.telephony.contains(.hangUp(LegID(call: call, index: 2))), "bob's ringing leg is hung up")
        #expect(h.telephony.last == .bridge(LegID(call: call, index: 0), LegID(call: call, index: 1)), "the caller is back with ann")
        let transferred = h.data("call.transferred") { if case .callTransferred(let d) = $0 { d } else { nil } }
        #expect(transferred.last?.outcome == .cancelled)
        #expect(h.state.presence(of: Harness.ann)?.inCall == true)
        #expect(h.state.presence(of: Harness.bob)?.inCall == false)
    }

    @Test("DIR-3 assisted transfer the target does not answer: the consultation ends, the caller is back")
    func assistedNoAnswer() throws {
        var (h, call) = try Self.connected()
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann))
        h.wait(.seconds(60))
        #expect(h.ringing(call).isEmpty)
        let transferred = h.data("call.transferred") { if case .callTransferred(let d) = $0 { d } else { nil } }
        #expect(transferred.last?.outcome == .noAnswer)
        #expect(h.telephony.last == .bridge(LegID(call: call, index: 0), LegID(call: call, index: 1)), "the caller is back with ann")
        #expect(h.state.presence(of: Harness.ann)?.inCall == true)
    }

    @Test("DIR-3 transfer with return: comes back to the transferer when the target does not answer")
    func withReturn() throws {
        var (h, call) = try Self.connected()
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .withReturn, by: Harness.ann))
        #expect(h.state.presence(of: Harness.ann)?.inCall == false)
        h.wait(.seconds(20))
        let transferred = h.data("call.transferred") { if case .callTransferred(let d) = $0 { d } else { nil } }
        #expect(transferred.last?.outcome == .noAnswer)
        #expect(h.ringing(call) == [Harness.ann])
        try h.answer(Harness.ann, call)
        #expect(h.types(of: call).last == "call.transfer.returned")
    }

    @Test("DIR-3 transfer without return: the call goes to the target for good")
    func withoutReturn() throws {
        var (h, call) = try Self.connected()
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .withoutReturn, by: Harness.ann))
        h.wait(.seconds(20))
        #expect(h.ringing(call).isEmpty)
        #expect(h.telephony.last == .play(LegID(call: call, index: 0), .voicemail(.user(Harness.bob))))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        #expect(h.endings.last?.outcome == .voicemail)
        #expect(h.types(of: call).contains("call.missed") == false)
    }

    @Test("Q-3 a call is transferred to a queue and waits there")
    func toQueue() throws {
        var (h, call) = try Self.connected()
        try h.logIn(Harness.bob, Harness.sales)
        try h.run(.transfer(call: call, to: .queue(Harness.sales), kind: .withoutReturn, by: Harness.ann))
        #expect(h.ringing(call) == [Harness.bob])
        let joined = h.data("queue.caller.joined") { if case .queueCallerJoined(let d) = $0 { d } else { nil } }
        #expect(joined.last?.cause == .transferred)
        #expect(throws: SwitchboardError.self) {
            try h.run(.transfer(call: call, to: .queue(Harness.support), kind: .assisted, by: Harness.bob))
        }
    }
}
