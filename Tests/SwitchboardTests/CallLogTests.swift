import Testing
import Switchboard

@Suite("Call log and comments: LOG-1, LOG-2, LOG-3, CMT-1")
struct CallLogTests {
    /// A queue call answered by ann, a missed queue call offered to ann and bob, a direct call to bob, a click-to-call by ann.
    static func day() throws -> (Harness, CallLog, [CallID]) {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        try h.logIn(Harness.bob, Harness.support)
        let answered = try h.arrive(to: Harness.supportNumber)
        h.wait(.seconds(4))
        try h.answer(Harness.ann, answered)
        h.wait(.seconds(60))
        try h.run(.telephony(.hungUp(LegID(call: answered, index: 0))))
        let missed = try h.arrive(from: Harness.number("+4740000001"), to: Harness.supportNumber)
        h.wait(.seconds(25))
        try h.run(.telephony(.hungUp(LegID(call: missed, index: 0))))
        let direct = try h.arrive(from: Harness.number("+4740000002"), to: Harness.mobile(Harness.bob))
        try h.answer(Harness.bob, direct)
        try h.run(.telephony(.hungUp(LegID(call: direct, index: 0))))
        try h.run(.dial(target: .number(Harness.number("+4740000003")), by: Harness.ann))
        let outgoing = h.events.last!.callID!
        var log = CallLog()
        for event in h.events { log.apply(event) }
        return (h, log, [answered, missed, direct, outgoing])
    }

    @Test("LOG-1 filters: All, Missed, Mine, Direct per user; a missed queue call is one entry")
    func filters() throws {
        let (_, log, calls) = try Self.day()
        #expect(log.entries(.all, for: Harness.ann).map(\.call) == [calls[3], calls[1], calls[0]])
        #expect(log.entries(.all, for: Harness.bob).map(\.call) == [calls[2], calls[1], calls[0]])
        #expect(log.entries(.missed, for: Harness.bob).map(\.call) == [calls[1]])
        #expect(log.entries(.mine, for: Harness.ann).map(\.call) == [calls[0]])
        #expect(log.entries(.mine, for: Harness.bob).isEmpty)
        #expect(log.entries(.direct, for: Harness.ann).map(\.call) == [calls[3]])
        #expect(log.entries(.direct, for: Harness.bob).map(\.call) == [calls[2]])
    }

    @Test("LOG-1 Mine holds a queue call taken by transfer, for the one who took it too")
    func mineByTransfer() throws {
        var h = Harness()
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        try h.answer(Harness.ann, call)
        try h.run(.transfer(call: call, to: .user(Harness.bob), kind: .assisted, by: Harness.ann))
        try h.answer(Harness.bob, call)
        try h.run(.completeTransfer(call: call, by: Harness.ann))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        var log = CallLog()
        for event in h.events { log.apply(event) }
        #expect(log.entries(.mine, for: Harness.bob).map(\.call) == [call], "bob took it by transfer")
        #expect(log.entries(.mine, for: Harness.ann).map(\.call) == [call], "ann answered it first")
        #expect(log.entries(.mine, for: Harness.cat).isEmpty)
    }

    @Test("LOG-1 Missed is the queues' missed calls: a missed direct call is under Direct only")
    func missedLeavesOutDirectCalls() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.support)
        let queueCall = try h.arrive(to: Harness.supportNumber)
        h.wait(.seconds(25))
        try h.run(.telephony(.hungUp(LegID(call: queueCall, index: 0))))
        let direct = try h.arrive(from: Harness.number("+4740000002"), to: Harness.mobile(Harness.bob))
        h.wait(.seconds(5))
        try h.run(.telephony(.hungUp(LegID(call: direct, index: 0))))
        var log = CallLog()
        for event in h.events { log.apply(event) }
        #expect(try #require(log[direct]).answeredBy == nil, "the direct call was not answered")
        #expect(log.entries(.missed, for: Harness.bob).map(\.call) == [queueCall])
        #expect(log.entries(.direct, for: Harness.bob).map(\.call) == [direct])
    }

    @Test("LOG-1 a call between colleagues is Direct for both, and no queue's")
    func colleaguesCallsAreDirect() throws {
        var h = Harness()
        try h.run(.dial(target: .user(Harness.bob), by: Harness.ann))
        let call = try #require(h.events.last { $0.callID != nil }?.callID)
        // Click-to-call rings ann's own phone first, then bob.
        try h.run(.telephony(.answered(LegID(call: call, index: 0))))
        try h.answer(Harness.bob, call)
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        var log = CallLog()
        for event in h.events { log.apply(event) }
        #expect(log.entries(.direct, for: Harness.ann).map(\.call) == [call])
        #expect(log.entries(.direct, for: Harness.bob).map(\.call) == [call])
        #expect(log.entries(.direct, for: Harness.cat).isEmpty, "a third colleague does not see it")
        #expect(log.entries(.missed, for: Harness.bob).isEmpty && log.entries(.mine, for: Harness.bob).isEmpty)
    }

    @Test("LOG-2 an entry has the caller, queue, time, who answered, waitMs and durationMs")
    func entryFields() throws {
        let (_, log, calls) = try Self.day()
        let entry = try #require(log[calls[0]])
        #expect(entry.from == Harness.customer)
        #expect(entry.queue == Harness.support)
        #expect(entry.startedAt == Harness.start)
        #expect(entry.answeredBy == Harness.ann)
        #expect(entry.waitMs == 4000)
        #expect(entry.durationMs == 64_000)
        #expect(entry.talkMs == 60_000)
        #expect(entry.outcome == .answered)
        let missed = try #require(log[calls[1]])
        #expect(missed.missed)
        #expect(missed.outcome == .abandoned)
        #expect(missed.waitMs == 25_000)
    }

    @Test("LOG-3 a missed call can be marked called back, once")
    func calledBack() throws {
        var (h, _, calls) = try Self.day()
        try h.run(.markCalledBack(call: calls[1], by: Harness.bob))
        #expect(h.events.last?.type == "call.calledBack")
        let seqs = h.events.filter { $0.callID == calls[1] }.compactMap(\.callSeq)
        #expect(seqs == Array(1...seqs.count))
        var log = CallLog()
        for event in h.events { log.apply(event) }
        #expect(log[calls[1]]?.calledBackBy == Harness.bob)
        let before = h.state
        #expect(throws: SwitchboardError.self) { try h.run(.markCalledBack(call: calls[1], by: Harness.bob)) }
        #expect(throws: SwitchboardError.self) { try h.run(.markCalledBack(call: calls[0], by: Harness.bob)) }
        #expect(h.state == before)
    }

    @Test("CMT-1 a comment on a number is carried in that number's next call.incoming and queue.caller.joined")
    func comments() throws {
        var h = Harness()
        try h.run(.addComment(number: Harness.customer, text: "Wants a callback about invoice 12", by: Harness.ann))
        _ = try h.arrive(to: Harness.supportNumber)
        guard case .callIncoming(let incoming) = h.events[1].payload, case .queueCallerJoined(let joined) = h.events[2].payload else {
            Issue.record("unexpected events \(h.allTypes)")
            return
        }
        #expect(incoming.comments.map(\.text) == ["Wants a callback about invoice 12"])
        #expect(joined.comments.map(\.author) == [Harness.ann])
        _ = try h.arrive(from: Harness.number("+4740000001"), to: Harness.supportNumber)
        guard case .callIncoming(let other) = h.events[h.events.count - 2].payload else { Issue.record("no call.incoming"); return }
        #expect(other.comments.isEmpty)
    }
}
