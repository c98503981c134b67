import Testing
import Switchboard
import TelephonySimulator

/// Property-style checks over many seeded simulated runs: random arrivals to queues and
/// users, random answers, rejections, hang-ups, PA keys, transfers and status changes.
@Suite("Simulated runs: properties that hold for every seed")
struct SimulatedRunTests {
    /// Every user is a member of two queues; half of them let their status drive queues
    /// (PROF-9), some have the assistant on, some both numbers.
    static func company() -> TenantDirectory {
        let users = (0..<12).map { index in
            User(
                id: UserID("u\(index)"), name: "User \(index)", mobile: try! PhoneNumber(parsing: "+47\(91_000_000 + index)"),
                ipNumber: index % 4 == 0 ? try! PhoneNumber(parsing: "+47\(23_000_000 + index)") : nil,
                settings: UserSettings(
                    incoming: IncomingCallSettings(voicemailOnNoAnswer: index % 3 != 0, forwardTo: index == 11 ? try! PhoneNumber(parsing: "+4740999999") : nil),
                    assistant: AssistantSettings(enabled: index % 2 == 0, ignoreForColleagues: index % 4 == 2, activateWhenInCall: index % 5 == 0, smsOnMissedCall: true),
                    parallelRinging: index % 8 != 0, statusDrivesQueues: index % 2 == 1))
        }
        let queues = (0..<4).map { queue in
            CallQueue(
                id: QueueID("q\(queue)"), name: "Q\(queue)", mainNumber: try! PhoneNumber(parsing: "+47\(22_000_000 + queue)"),
                ringTimeout: .seconds(10), maxWait: .seconds(90), wrapUp: .seconds(queue * 3),
                afterMaxWait: [.voicemail, .overflow, .hangUp, .overflow][queue], overflowQueue: queue % 2 == 1 ? QueueID("q\(queue - 1)") : nil,
                members: (0..<12).filter { $0 % 4 == queue || ($0 + 1) % 4 == queue }.map { QueueMember(user: UserID("u\($0)"), priority: 1 + $0 % 2) })
        }
        return try! TenantDirectory(tenant: TenantID("sim"), name: "Sim AS", users: users, queues: queues)
    }

    static let start = Timestamp(millisecondsSinceEpoch: 1_767_258_000_000)

    /// Runs one seed for 30 virtual minutes, then lets every call end; returns every event.
    static func run(seed: UInt64) -> (events: [SwitchboardEvent], simulation: Simulation) {
        let directory = company()
        let telephony = SimulatedTelephony(
            seed: seed, defaultParty: PartyBehavior(answerProbability: 0.6, rejectProbability: 0.2, latency: .seconds(1)...(.seconds(14))),
            callers: CallerBehavior(patience: .seconds(5)...(.seconds(200)), talkTime: .seconds(5)...(.seconds(120))))
        var simulation = Simulation(
            directory: directory, start: start, seed: seed, telephony: telephony,
            plan: TrafficPlan(meanInterarrival: .seconds(6), queueShare: 0.6, outsideCallers: 40, transferProbability: 0.3, statusChangeInterval: .seconds(30)))
        var events: [SwitchboardEvent] = []
        for queue in directory.queues {
            for member in queue.members { try! simulation.perform(.logIn(user: member.user, queue: queue.id, by: member.user)) { events += $0.events } }
        }
        simulation.run(until: start + .seconds(1800)) { events += $0.events }
        simulation.drain(until: start + .seconds(7200)) { events += $0.events }
        return (events, simulation)
    }

    static let seeds: [UInt64] = Array(1...200)

    @Test("Every call ends in exactly one outcome, events come in callSeq order, offers never overlap", arguments: seeds)
    func properties(seed: UInt64) {
        let (events, simulation) = Self.run(seed: seed)
        #expect(simulation.refusedSignals.isEmpty)
        #expect(simulation.state.activeCallCount == 0)
        var lastSeq: [CallID: Int] = [:]
        var endings: [CallID: Int] = [:]
        var started: Set<CallID> = []
        var ringingOffers: [CallID: Set<LegID>] = [:]
        for event in events {
            guard let call = event.callID, let seq = event.callSeq else { continue }
            #expect(seq == (lastSeq[call] ?? 0) + 1, "callSeq of \(call) jumps to \(seq)")
            lastSeq[call] = seq
            switch event.payload {
            case .callIncoming, .callOutgoing: started.insert(call)
            case .callEnded: endings[call, default: 0] += 1
            case .queueOfferRinging(let data):
                #expect(ringingOffers[call, default: []].isEmpty, "\(call) offered to two members at once")
                ringingOffers[call, default: []].insert(data.leg)
            case .queueOfferFailed(let data): ringingOffers[call]?.remove(data.leg)
            case .queueOfferRescinded(let data): ringingOffers[call]?.remove(data.leg)
            case .callAnswered(let data): ringingOffers[call]?.remove(data.leg)
            default: break
            }
        }
        #expect(!started.isEmpty)
        #expect(started.allSatisfy { endings[$0] == 1 })
        #expect(Set(endings.keys) == started)
        // Transfers are asked for after three in ten answers: most start (a user acts on what
        // they saw a moment ago, so a few find their call gone), each started one ends in one
        // outcome unless its call ended first, and some complete.
        var open: [CallID: Int] = [:]
        var outcomes: [TransferOutcome: Int] = [:]
        var transfersStarted = 0
        for event in events {
            switch event.payload {
            case .callTransferStarted:
                transfersStarted += 1
                open[event.callID!, default: 0] += 1
            case .callTransferred(let data):
                outcomes[data.outcome, default: 0] += 1
                #expect(open[event.callID!, default: 0] > 0, "seed \(seed): an outcome with no transfer started on \(event.callID!)")
                open[event.callID!, default: 0] -= 1
            default: break
            }
        }
        let transferOutcomes = outcomes.values.reduce(0, +)
        #expect(transfersStarted > 0, "seed \(seed): no transfer ever started")
        #expect(simulation.refusedUserCommands < transfersStarted, "seed \(seed): the engine refused most user commands")
        #expect(outcomes[.completed, default: 0] > 0, "seed \(seed): no transfer completed: \(outcomes)")
        #expect(transferOutcomes <= transfersStarted, "seed \(seed): \(transferOutcomes) outcomes of \(transfersStarted) transfers")
    }

    @Test("PROF-9 returning to Available restores exactly the remembered queues", arguments: Array(seeds.prefix(50)))
    func statusRestoresQueues(seed: UInt64) {
        let (events, _) = Self.run(seed: seed)
        var loggedIn: [UserID: Set<QueueID>] = [:]
        var remembered: [UserID: Set<QueueID>] = [:]
        var returns = 0
        for (index, event) in events.enumerated() {
            switch event.payload {
            case .memberQueueLogin(let data): loggedIn[data.user, default: []].insert(data.queue)
            case .memberQueueLogout(let data): loggedIn[data.user, default: []].remove(data.queue)
            case .userStatusChanged(let data) where Int(data.user.rawValue.dropFirst())! % 2 == 1:
                if data.previous.isAvailable, !data.status.isAvailable {
                    remembered[data.user] = loggedIn[data.user] ?? []
                    let loggedOut = Self.statusLogins(after: index, in: events, of: data.user, login: false)
                    #expect(Set(loggedOut) == remembered[data.user]!)
                } else if !data.previous.isAvailable, data.status.isAvailable {
                    let restored = Self.statusLogins(after: index, in: events, of: data.user, login: true)
                    #expect(Set(restored) == remembered[data.user], "\(data.user) came back to \(restored)")
                    #expect(restored.count == remembered[data.user]?.count)
                    returns += 1
                }
            default: break
            }
        }
        #expect(returns > 0)
    }

    /// The queues `user` was logged into (or out of) by the status change at `index`: the
    /// status-caused logins (logouts) that follow it, up to the next status change.
    static func statusLogins(after index: Int, in events: [SwitchboardEvent], of user: UserID, login: Bool) -> [QueueID] {
        var queues: [QueueID] = []
        for event in events[(index + 1)...] {
            switch event.payload {
            case .userStatusChanged: return queues
            case .memberQueueLogin(let data) where login && data.user == user && data.cause == .status: queues.append(data.queue)
            case .memberQueueLogout(let data) where !login && data.user == user && data.cause == .status: queues.append(data.queue)
            default: continue
            }
        }
        return queues
    }

    @Test("The same seed gives the same events, byte for byte")
    func deterministic() throws {
        let first = try Self.run(seed: 7).events.map { try $0.jsonData() }
        let second = try Self.run(seed: 7).events.map { try $0.jsonData() }
        #expect(first == second)
    }
}
