import Testing
import Switchboard

@Suite("Personal assistant: PA-1")
struct AssistantTests {
    static let assistant = AssistantSettings(enabled: true, smsOnMissedCall: true, customMessage: "Hei, du har nådd Ann.")

    static func away(_ settings: AssistantSettings = assistant) throws -> Harness {
        var h = Harness(settings: [Harness.ann: UserSettings(assistant: settings)])
        try h.run(.setAvailability(user: Harness.ann, availability: Availability(.inMeeting), by: Harness.ann))
        return h
    }

    @Test("PA-1 never plays when the user is Available")
    func silentWhenAvailable() throws {
        var h = Harness(settings: [Harness.ann: UserSettings(assistant: Self.assistant)])
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        #expect(h.ringing(call) == [Harness.ann])
        #expect(!h.allTypes.contains("assistant.played"))
    }

    @Test("PA-1 plays the custom message, the status and the menu; 1 leaves a message")
    func pressOne() throws {
        var h = try Self.away()
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        #expect(h.telephony.last == .play(LegID(call: call, index: 0), .assistant(
            user: Harness.ann, customMessage: "Hei, du har nådd Ann.", status: .inMeeting, inCall: false, language: .nb)))
        try h.run(.telephony(.dtmf(LegID(call: call, index: 0), digit: "1")))
        h.wait(.seconds(15))
        try h.run(.telephony(.hungUp(LegID(call: call, index: 0))))
        #expect(h.types(of: call) == ["call.incoming", "assistant.played", "assistant.choice", "voicemail.left", "call.missed", "call.ended"])
        let left = h.data("voicemail.left") { if case .voicemailLeft(let d) = $0 { d } else { nil } }
        #expect(left.first?.durationMs == 15_000)
        #expect(left.first?.user == Harness.ann)
    }

    @Test("PA-1 2 rings the user anyway")
    func pressTwo() throws {
        var h = try Self.away()
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        try h.run(.telephony(.dtmf(LegID(call: call, index: 0), digit: "2")))
        #expect(h.ringing(call) == [Harness.ann])
    }

    @Test("PA-1 nothing pressed: the call ends and a missed-call SMS is requested")
    func noInput() throws {
        var h = try Self.away()
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        h.wait(.seconds(10))
        #expect(h.types(of: call).suffix(4) == ["assistant.choice", "notification.missedCall.requested", "call.missed", "call.ended"])
        let notification = h.data("notification.missedCall.requested") { if case .missedCallNotificationRequested(let d) = $0 { d } else { nil } }
        #expect(notification.count == 1)
        #expect(notification.first?.to == Harness.mobile(Harness.ann))
        #expect(notification.first?.from == Harness.customer)
        let missed = h.data("call.missed") { if case .callMissed(let d) = $0 { d } else { nil } }
        #expect(missed.first?.reason == .assistantNoInput)
    }

    @Test("PA-1 ignore for colleagues: a colleague's call rings through")
    func ignoreForColleagues() throws {
        var settings = Self.assistant
        settings.ignoreForColleagues = true
        var h = try Self.away(settings)
        let call = try h.arrive(from: Harness.mobile(Harness.bob), to: Harness.mobile(Harness.ann))
        #expect(h.ringing(call) == [Harness.ann])
        let outside = try h.arrive(to: Harness.mobile(Harness.ann))
        #expect(h.types(of: outside).last == "assistant.played")
    }

    @Test("PA-1 ignore for colleagues off: a colleague hears the assistant like anyone")
    func colleaguesHearTheAssistantUnlessIgnored() throws {
        var settings = Self.assistant
        settings.ignoreForColleagues = false
        var h = try Self.away(settings)
        let call = try h.arrive(from: Harness.mobile(Harness.bob), to: Harness.mobile(Harness.ann))
        #expect(h.ringing(call).isEmpty)
        #expect(h.types(of: call).last == "assistant.played")
    }

    @Test("PA-1 without missed-call SMS, nothing pressed ends the call with no SMS requested")
    func noInputWithoutSMS() throws {
        var settings = Self.assistant
        settings.smsOnMissedCall = false
        var h = try Self.away(settings)
        let call = try h.arrive(to: Harness.mobile(Harness.ann))
        h.wait(.seconds(10))
        #expect(h.types(of: call).suffix(3) == ["assistant.choice", "call.missed", "call.ended"])
        #expect(!h.allTypes.contains("notification.missedCall.requested"))
    }

    @Test("PA-1 activate when in a call: the caller is told the user is on the phone, even when Available")
    func activateWhenInCall() throws {
        var h = Harness(settings: [Harness.ann: UserSettings(assistant: AssistantSettings(enabled: true, activateWhenInCall: true))])
        let first = try h.arrive(to: Harness.mobile(Harness.ann))
        try h.answer(Harness.ann, first)
        let second = try h.arrive(from: Harness.number("+4740000001"), to: Harness.mobile(Harness.ann))
        let played = h.data("assistant.played") { if case .assistantPlayed(let d) = $0 { d } else { nil } }
        #expect(played.first?.inCall == true)
        #expect(h.types(of: second).last == "assistant.played")
    }

    @Test("PA-1 applies to direct calls only, not to queue calls")
    func notForQueues() throws {
        var h = try Self.away()
        try h.logIn(Harness.ann, Harness.support)
        let call = try h.arrive(to: Harness.supportNumber)
        #expect(h.ringing(call) == [Harness.ann])
    }
}
