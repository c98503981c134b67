import PeerSupport
@testable import Switchboard
import TelephonySimulator
import Testing

/// WAIT-2 as a property over seeded runs (issue 18), stated as
/// `SwitchboardState+Distribution.swift` documents it:
///
/// - `offer`: a call is rung at the free member of its queue (logged in, no phone in use, not
///   in wrap-up, a phone to ring) not yet tried in this round, with the lowest priority
///   number, then idle longest, then first in configured order; when every free member has
///   been tried, a new round starts with all of them.
/// - `dispatch`: the caller who has waited longest (since first joining any queue) is served
///   first, so no caller waiting unoffered in any queue the member is logged into has waited
///   longer than the one the member is offered.
///
/// And what the two give together: once distribution has run, no free member is logged into
/// a queue where a caller waits unoffered.
@Suite("WAIT-2 offer distribution: a property of seeded runs")
struct OfferDistributionPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    /// Guards WAIT-2 on every offer distribution makes in a run: the member, the candidate
    /// count and the rule the event gives agree with a referee that works them out from the
    /// state distribution started from; no longer-waiting caller in the member's queues was
    /// skipped; no free member is left beside an unoffered caller. Each run also has to have
    /// exercised the rule: offers decided by priority, by idle time, in a new round, and with
    /// a younger caller waiting in another of the member's queues, one where the member has a
    /// better priority among them.
    @Test(arguments: seeds)
    func everyOfferGoesToTheBestFreeMemberAndTheLongestWaitingCaller(seed: UInt64) {
        var probe = DistributionProbe(seed: seed)
        probe.run(for: .seconds(1800))
        let referee = probe.referee
        let violations = referee.violations.count
        #expect(violations == 0, "seed \(seed), the first violations: \(referee.violations.prefix(3))")
        #expect(referee.judged > 200, "seed \(seed): only \(referee.judged) offers")
        #expect(referee.decidedByPriority > 0, "seed \(seed): no offer chose between priorities")
        #expect(referee.decidedByIdleTime > 0, "seed \(seed): no offer broke a priority tie by idle time")
        #expect(referee.newRounds > 0, "seed \(seed): no offer started a new round")
        #expect(referee.youngerCallerInAnotherQueue > 0, "seed \(seed): no offer had a younger caller waiting in another of the member's queues")
        #expect(referee.youngerCallerInABetterQueue > 0, "seed \(seed): never one in a queue where the member has a better priority")
    }
}

/// Judges every offer that distribution makes against the state it started from.
struct OfferReferee {
    /// What went against the rule, one line each.
    private(set) var violations: [String] = []
    /// Offers judged.
    private(set) var judged = 0
    /// Offers whose candidates had different priorities.
    private(set) var decidedByPriority = 0
    /// Offers where several candidates shared the best priority with different idle times.
    private(set) var decidedByIdleTime = 0
    /// Offers to a member already tried for the call (a new round).
    private(set) var newRounds = 0
    /// Offers while a younger caller waited unoffered in another queue the member is logged into.
    private(set) var youngerCallerInAnotherQueue = 0
    /// Of those, offers where that queue is one the member has a better priority in.
    private(set) var youngerCallerInABetterQueue = 0
    /// The members offered each waiting call in its current queue stay, in order since the
    /// last new round, as the events tell (`queue.caller.joined` starts a stay; a pickup by
    /// hand does not count, as in the engine).
    private var tried: [CallID: [UserID]] = [:]

    /// Follows events distribution did not make (a stay starting or a call ending).
    mutating func follow(_ events: some Sequence<SwitchboardEvent>) {
        for event in events {
            switch event.payload {
            case .queueCallerJoined: tried[event.callID!] = []
            case .callEnded: tried[event.callID!] = nil
            default: continue
            }
        }
    }

    /// Judges `offers`, the events of one run of distribution, in order, against `start`, the
    /// state it ran from; each offer makes its member busy and its call offered for the next.
    mutating func judge(_ offers: some Sequence<SwitchboardEvent>, from start: SwitchboardState) {
        var busy: Set<UserID> = []
        var offered: Set<CallID> = []
        for event in offers {
            guard case .queueOfferRinging(let offer) = event.payload, let call = event.callID, offer.rule != .pickup else {
                violations.append("\(event.occurredAt): distribution made a \(event.type) (\(event.payload))")
                continue
            }
            judged += 1
            let queue = start.queues[offer.queue]!
            let idleSince = { (member: QueueMember) in start.activity[start.slot(member.user)].idleSince }
            let free = queue.members.indices.filter { position in
                queue.memberLoggedIn[position] && start.activity[queue.memberSlots[position]].isFree
                    && !busy.contains(queue.members[position].user)
            }.map { queue.members[$0] }
            let triedBefore = tried[call] ?? []
            let untried = free.filter { !triedBefore.contains($0.user) }
            let candidates = untried.isEmpty ? free : untried
            var best: QueueMember?
            for member in candidates where best == nil || (member.priority, idleSince(member)) < (best!.priority, idleSince(best!)) {
                best = member
            }
            let atBest = candidates.filter { $0.priority == best?.priority }
            let rule: OfferRule = candidates.count == 1 ? .onlyFreeMember : atBest.count == 1 ? .priority : .longestIdle
            let moment = "\(event.occurredAt) \(call) in \(offer.queue)"
            if offer.user != best?.user {
                violations.append("\(moment): offered to \(offer.user), the best free member is \(best.map { "\($0.user)" } ?? "nobody") of \(candidates.map { "\($0.user)/p\($0.priority)/idle since \(idleSince($0))" })")
            }
            if offer.candidates != candidates.count || offer.rule != rule {
                violations.append("\(moment): the event says \(offer.candidates) candidates by \(offer.rule), the referee \(candidates.count) by \(rule)")
            }
            if Set(candidates.map(\.priority)).count > 1 { decidedByPriority += 1 }
            if Set(atBest.map(idleSince)).count > 1 { decidedByIdleTime += 1 }
            if untried.isEmpty, !triedBefore.isEmpty { newRounds += 1 }
            judgeWaiting(offer, call: call, offered: offered, start: start)
            busy.insert(offer.user)
            offered.insert(call)
            tried[call] = untried.isEmpty ? [offer.user] : triedBefore + [offer.user]
        }
    }

    /// No caller waiting unoffered in a queue `offer`'s member is logged into has waited
    /// longer than the offered call (`offered`: calls offered earlier in this distribution).
    private mutating func judgeWaiting(_ offer: QueueOfferRingingData, call: CallID, offered: Set<CallID>, start: SwitchboardState) {
        let since = start.calls[call]!.waitingSince!
        var youngerElsewhere = false
        var youngerInABetterQueue = false
        let priority = { (queue: QueueID) in start.queues[queue]!.members.first { $0.user == offer.user }!.priority }
        for queueID in start.users[offer.user]!.loggedIn {
            let queue = start.queues[queueID]!
            for other in queue.waiting where other != call && !queue.offering.contains(other) && !offered.contains(other) {
                let otherSince = start.calls[other]!.waitingSince!
                if (otherSince, other) < (since, call) {
                    violations.append("\(since) \(call) in \(offer.queue): offered to \(offer.user) while \(other) in \(queueID) has waited since \(otherSince)")
                } else if queueID != offer.queue {
                    youngerElsewhere = true
                    if priority(queueID) < priority(offer.queue) { youngerInABetterQueue = true }
                }
            }
        }
        if youngerElsewhere { youngerCallerInAnotherQueue += 1 }
        if youngerInABetterQueue { youngerCallerInABetterQueue += 1 }
    }

    /// After distribution: no free member is logged into a queue where a caller waits unoffered.
    mutating func judgeSettled(_ state: SwitchboardState) {
        for queueID in state.queueIDsInOrder {
            let queue = state.queues[queueID]!
            guard let waiting = queue.waiting.first(where: { !queue.offering.contains($0) }) else { continue }
            for position in queue.members.indices where queue.memberLoggedIn[position] && state.activity[queue.memberSlots[position]].isFree {
                violations.append("\(state.clock): \(queue.members[position].user) is free in \(queueID) while \(waiting) waits unoffered")
            }
        }
    }
}

/// A seeded run of one company's engine on the simulated platform that stops before every
/// distribution. Each command and each timer is applied as `handle(_:at:)` and
/// `advance(to:)` apply them (the change, then `settle`), but the state is read between the
/// two, so the ``OfferReferee`` judges each offer against the state the engine chose from.
///
/// The traffic: calls to the queues (and some to users directly) from outside, members who
/// log in and out, change status (half of them let it drive their queues, PROF-9) and pick
/// up waiting calls by hand (WAIT-3); the platform answers, rejects or lets ring.
struct DistributionProbe {
    private(set) var referee = OfferReferee()
    private var state: SwitchboardState
    private var telephony: SimulatedTelephony
    private var random: SeededRandom
    private let directory: TenantDirectory
    private var nextArrival: Timestamp
    private var nextLoginChange: Timestamp
    private var nextStatusChange: Timestamp
    private var nextPickup: Timestamp

    static let start = Timestamp(millisecondsSinceEpoch: 1_767_258_000_000)

    /// Twelve users in four queues, each in two or three with a priority that differs from
    /// queue to queue; three have an IP phone too and one has no phone at all. The queues
    /// have different wrap-ups, and two overflow into another queue, where the caller keeps
    /// their place by first joining time.
    static func company() -> TenantDirectory {
        let users = (0..<12).map { index in
            User(
                id: UserID("u\(index)"), name: "User \(index)",
                mobile: index == 11 ? nil : try! PhoneNumber(parsing: "+47\(91_000_000 + index)"),
                ipNumber: index % 4 == 0 ? try! PhoneNumber(parsing: "+47\(23_000_000 + index)") : nil,
                settings: UserSettings(statusDrivesQueues: index % 2 == 1))
        }
        let queues = (0..<4).map { queue in
            CallQueue(
                id: QueueID("q\(queue)"), name: "Q\(queue)", mainNumber: try! PhoneNumber(parsing: "+47\(22_000_000 + queue)"),
                ringTimeout: .seconds(10), maxWait: .seconds(120), wrapUp: .seconds(queue * 2),
                afterMaxWait: [.voicemail, .overflow, .hangUp, .overflow][queue], overflowQueue: queue % 2 == 1 ? QueueID("q\(queue - 1)") : nil,
                members: (0..<12).filter { $0 % 4 == queue || ($0 + 1) % 4 == queue || ($0 % 3 == 0 && ($0 + 2) % 4 == queue) }
                    .map { QueueMember(user: UserID("u\($0)"), priority: 1 + ($0 / 2 + queue) % 3) })
        }
        return try! TenantDirectory(tenant: TenantID("probe"), name: "Probe AS", users: users, queues: queues)
    }

    init(seed: UInt64) {
        directory = Self.company()
        state = SwitchboardState(directory: directory, start: Self.start)
        telephony = SimulatedTelephony(
            seed: seed, defaultParty: PartyBehavior(answerProbability: 0.5, rejectProbability: 0.2, latency: .seconds(1)...(.seconds(14))),
            callers: CallerBehavior(patience: .seconds(5)...(.seconds(240)), talkTime: .seconds(5)...(.seconds(90))))
        random = SeededRandom(seed: seed)
        nextArrival = Self.start
        nextLoginChange = Self.start + .seconds(20)
        nextStatusChange = Self.start + .seconds(30)
        nextPickup = Self.start + .seconds(40)
        for queue in directory.queues {
            for member in queue.members where Int.random(in: 0..<4, using: &random) > 0 {
                apply(.logIn(user: member.user, queue: queue.id, by: member.user), at: Self.start)
            }
        }
    }

    /// Runs the traffic for `duration` of virtual time.
    mutating func run(for duration: Duration) {
        let end = state.clock + duration
        while true {
            let next = [telephony.nextDue, state.nextTimerDue, nextArrival, nextLoginChange, nextStatusChange, nextPickup, end]
                .compactMap(\.self).min()!
            fireTimers(notAfter: next)
            while let (due, signal) = telephony.nextSignal(notAfter: next) { apply(.telephony(signal), at: due) }
            if nextArrival <= next { arrive() }
            if nextLoginChange <= next { changeSomeLogin() }
            if nextStatusChange <= next { changeSomeStatus() }
            if nextPickup <= next { pickUpSomeCall() }
            if next >= end { return }
        }
    }

    /// As `handle(_:at:)`: a refused command changes nothing.
    private mutating func apply(_ command: SwitchboardCommand, at now: Timestamp) {
        let clock = state.clock
        state.clock = max(clock, now)
        var step = Step()
        do {
            try state.apply(command, into: &step)
        } catch {
            state.clock = clock
            return
        }
        distribute(&step)
    }

    /// As `advance(to:)`, one timer at a time.
    private mutating func fireTimers(notAfter now: Timestamp) {
        while let timer = state.timers.popDue(notAfter: now) {
            state.clock = max(state.clock, timer.due)
            var step = Step()
            state.fire(timer, into: &step)
            distribute(&step)
        }
        state.clock = max(state.clock, now)
    }

    /// Settles `step` with the referee watching, then hands its commands to the platform.
    private mutating func distribute(_ step: inout Step) {
        referee.follow(step.effects.events)
        let made = step.effects.events.count
        if !step.queuesToDispatch.isEmpty {
            let start = state
            state.settle(&step)
            referee.judge(step.effects.events[made...], from: start)
        }
        referee.judgeSettled(state)
        for event in step.effects.events {
            if case .callIncoming(let data) = event.payload { telephony.callerConnected(data.leg, at: state.clock) }
        }
        for command in step.effects.telephony { telephony.perform(command, at: state.clock) }
    }

    private mutating func arrive() {
        let now = nextArrival
        // Quiet spells (several members free, so choices between them) alternate with rushes
        // (callers waiting in several queues at once) every five minutes.
        let rush = now.milliseconds(since: Self.start) / 300_000 % 2 == 1
        nextArrival = now + .milliseconds(Int64.random(in: 0...(rush ? 5_000 : 24_000), using: &random))
        let caller = try! PhoneNumber(parsing: "+4740\(100_000 + Int.random(in: 0..<60, using: &random))")
        let to = Int.random(in: 0..<10, using: &random) < 8
            ? directory.queues.randomElement(using: &random)!.mainNumber
            : directory.users.compactMap(\.mobile).randomElement(using: &random)!
        apply(.telephony(.arrived(from: caller, to: to)), at: now)
    }

    private mutating func changeSomeLogin() {
        let now = nextLoginChange
        nextLoginChange = now + .milliseconds(Int64.random(in: 1...40_000, using: &random))
        let queue = directory.queues.randomElement(using: &random)!
        let user = queue.members.randomElement(using: &random)!.user
        let loggedIn = state.users[user]!.loggedIn.contains(queue.id)
        apply(loggedIn ? .logOut(user: user, queue: queue.id, by: user) : .logIn(user: user, queue: queue.id, by: user), at: now)
    }

    private mutating func changeSomeStatus() {
        let now = nextStatusChange
        nextStatusChange = now + .milliseconds(Int64.random(in: 1...60_000, using: &random))
        let user = directory.users.randomElement(using: &random)!.id
        let available = state.users[user]!.availability.status.isAvailable
        let next = available ? Availability([.busy, .inMeeting, .away].randomElement(using: &random)!) : .available
        apply(.setAvailability(user: user, availability: next, by: user), at: now)
    }

    private mutating func pickUpSomeCall() {
        let now = nextPickup
        nextPickup = now + .milliseconds(Int64.random(in: 1...80_000, using: &random))
        let user = directory.users.randomElement(using: &random)!.id
        let mine = Set(state.users[user]!.memberships)
        guard let call = state.waitingCalls().first(where: { mine.contains($0.queue) }) else { return }
        apply(.pickUp(call: call.call, by: user), at: now)
    }
}
