extension SwitchboardState {
    /// A call arrived from the platform: to a queue's main number it waits in the queue; to a
    /// user's number it is a direct call (PROF-6, PA-1, PROF-7).
    mutating func arrive(from: PhoneNumber, to: PhoneNumber, into step: inout Step) throws(SwitchboardError) {
        guard let owner = numberPlan[to] else {
            throw SwitchboardError(.unknownNumber, "\(to.masked) is neither a user's nor a queue's number")
        }
        var callerUser: UserID?
        if case .user(let colleague) = numberPlan[from] { callerUser = colleague }
        let route: CallRoute
        var queue: QueueID?
        var target: UserID?
        switch owner {
        case .queue(let id):
            route = .queue
            queue = id
        case .user(let id):
            route = .direct
            target = id
        }
        let id = newCall(route: route, caller: from, callerUser: callerUser, phase: .ringing)
        var device: Device?
        if let callerUser { device = users[callerUser]!.profile.mobile == from ? .mobile : .ipNumber }
        addLeg(to: id, number: from, user: callerUser, device: device, role: .caller, state: .up(since: clock))
        emit(.callIncoming(CallIncomingData(
            from: from, fromUser: callerUser, fromName: callerUser.map { users[$0]!.profile.name }, to: to, route: route,
            queue: queue, user: target, leg: LegID(call: id, index: 0), comments: comments[from] ?? [])),
             call: id, into: &step)
        if let queue {
            joinQueue(id, queue, cause: .incoming, from: nil, into: &step)
        } else if let target {
            calls[id]!.directUser = target
            startDirectCall(id, to: target, into: &step)
        }
    }

    /// PROF-6 forwarding first; else PA-1 if it applies; else ring the user's phones (PROF-7).
    mutating func startDirectCall(_ call: CallID, to user: UserID, into step: inout Step) {
        let profile = users[user]!.profile
        calls[call]!.phase = .ringing
        if let forward = profile.settings.incoming.forwardTo {
            calls[call]!.forwarded = true
            emit(.callForwarded(CallForwardedData(user: user, to: forward)), call: call, into: &step)
            ring(call, number: forward, user: nil, device: nil, role: .forward, callerID: calls[call]!.caller,
                 timeout: profile.settings.incoming.ringTimeout, reason: .forward, into: &step)
            return
        }
        if let inCall = assistantApplies(for: user, callerUser: calls[call]!.callerUser) {
            playAssistant(call, for: user, inCall: inCall, into: &step)
            return
        }
        if !ringUser(call, user, role: .direct, reason: .direct, into: &step) {
            directCallNotAnswered(call, into: &step)
        }
    }

    /// PA-1: nil when the assistant stays silent; else whether it says the user is on the phone.
    func assistantApplies(for user: UserID, callerUser: UserID?) -> Bool? {
        let state = users[user]!
        let settings = state.profile.settings.assistant
        guard settings.enabled, !(settings.ignoreForColleagues && callerUser != nil) else { return nil }
        let onThePhone = settings.activateWhenInCall && isInCall(user)
        guard !state.availability.status.isAvailable || onThePhone else { return nil }
        return onThePhone
    }

    private mutating func playAssistant(_ call: CallID, for user: UserID, inCall: Bool, into step: inout Step) {
        let state = users[user]!
        let settings = state.profile.settings.assistant
        let until = clock + settings.inputTimeout
        calls[call]!.phase = .assistant(user, until: until)
        emit(.assistantPlayed(AssistantPlayedData(
            user: user, status: state.availability.status, until: state.availability.until,
            customMessage: settings.customMessage, inCall: inCall, language: state.profile.language)),
             call: call, into: &step)
        send(.play(LegID(call: call, index: 0), .assistant(
            user: user, customMessage: settings.customMessage, status: state.availability.status, inCall: inCall,
            language: state.profile.language)), into: &step)
        timers.schedule(.assistantInput(call), at: until)
    }

    /// PA-1: 1 leaves a message, 2 rings the user anyway; other keys, and keys outside the
    /// assistant, change nothing.
    mutating func keyPressed(_ digit: Character, on id: LegID, into step: inout Step) throws(SwitchboardError) {
        let (call, _) = try requireLeg(id)
        guard id.index == 0, case .assistant(let user, _) = call.phase, digit == "1" || digit == "2" else { return }
        let choice: AssistantChoice = digit == "1" ? .leaveMessage : .ringAnyway
        emit(.assistantChoice(AssistantChoiceData(user: user, choice: choice, digit: String(digit))), call: call.id, into: &step)
        if choice == .leaveMessage {
            enterVoicemail(call.id, .user(user), into: &step)
        } else {
            calls[call.id]!.phase = .ringing
            if !ringUser(call.id, user, role: .direct, reason: .direct, into: &step) {
                directCallNotAnswered(call.id, into: &step)
            }
        }
    }

    /// PA-1: no key in time: the call ends; with "SMS on missed call", the user is notified.
    mutating func assistantTimedOut(_ id: CallID, due: Timestamp, into step: inout Step) {
        guard let call = calls[id], case .assistant(let user, let until) = call.phase, until == due else { return }
        let profile = users[user]!.profile
        emit(.assistantChoice(AssistantChoiceData(user: user, choice: .noInput, digit: nil)), call: id, into: &step)
        if profile.settings.assistant.smsOnMissedCall, let mobile = profile.mobile {
            emit(.missedCallNotificationRequested(MissedCallNotificationData(
                user: user, to: mobile, from: call.caller, language: profile.language)), call: id, into: &step)
        }
        endCall(id, endedBy: .system, user: nil, timedOut: true, into: &step)
    }

    /// PROF-6: nobody answered a direct call: voicemail if the user wants it, else the call ends.
    mutating func directCallNotAnswered(_ call: CallID, into step: inout Step) {
        if let user = calls[call]!.directUser, users[user]!.profile.settings.incoming.voicemailOnNoAnswer {
            enterVoicemail(call, .user(user), into: &step)
        } else {
            endCall(call, endedBy: .system, user: nil, timedOut: true, into: &step)
        }
    }
}
