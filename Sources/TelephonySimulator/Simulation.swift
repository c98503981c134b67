public import Switchboard

/// An engine driven by `SimulatedTelephony` and simulated traffic on a virtual clock.
///
/// Everything is deterministic: the same directory, start, seed and plan give the same
/// events. The engine is used as a value (`SwitchboardState`), with no actor hop.
public struct Simulation: Sendable {
    /// The engine's state.
    public private(set) var state: SwitchboardState
    /// The simulated platform.
    public private(set) var telephony: SimulatedTelephony
    /// The traffic.
    public let plan: TrafficPlan
    /// Signals the engine refused (a consistent platform makes none).
    public private(set) var refusedSignals: [SwitchboardError] = []
    /// User commands the engine refused (users act on what they saw a moment ago, so some
    /// transfers find their call ended; each refusal changed nothing).
    public private(set) var refusedUserCommands = 0
    /// Calls that arrived.
    public private(set) var arrivals = 0

    private var random: SimulationRandom
    private var nextArrival: Timestamp
    private var nextStatusChange: Timestamp?
    private var userActions: [(due: Timestamp, command: SwitchboardCommand)] = []
    private let queueNumbers: [PhoneNumber]
    private let userNumbers: [PhoneNumber]
    private let userIDs: [UserID]
    /// The outside callers' numbers, made once rather than parsed at every arrival.
    private let outsideNumbers: [PhoneNumber]

    /// A simulation of `directory` from `start`, with random choices from `seed`.
    public init(directory: TenantDirectory, start: Timestamp, seed: UInt64, telephony: SimulatedTelephony, plan: TrafficPlan) {
        state = SwitchboardState(directory: directory, start: start)
        self.telephony = telephony
        self.plan = plan
        random = SimulationRandom(seed: seed ^ 0x5EED)
        nextArrival = start
        nextStatusChange = plan.statusChangeInterval.map { start + $0 }
        queueNumbers = directory.queues.map(\.mainNumber)
        userNumbers = directory.users.compactMap { $0.mobile ?? $0.ipNumber }
        userIDs = directory.users.map(\.id)
        outsideNumbers = (0..<plan.outsideCallers).map { try! PhoneNumber(parsing: "+4740\(String(100_000 + $0))") }
    }

    /// Applies a user's command now (e.g. logins before the traffic starts); throws if refused.
    public mutating func perform(_ command: SwitchboardCommand, onEffects: (SwitchboardEffects) -> Void = { _ in }) throws(SwitchboardError) {
        let effects = try state.handle(command, at: state.clock)
        deliver(effects, onEffects: onEffects)
    }

    /// Runs until `end`; with `arrivals`, new calls keep arriving, else the calls in progress
    /// only play out. Every batch of effects is passed to `onEffects` in order.
    public mutating func run(until end: Timestamp, arrivals: Bool = true, onEffects: (SwitchboardEffects) -> Void = { _ in }) {
        while true {
            var next = end
            if let due = telephony.nextDue, due < next { next = due }
            if let due = state.nextTimerDue, due < next { next = due }
            if arrivals, nextArrival < next { next = nextArrival }
            if let due = nextStatusChange, arrivals, due < next { next = due }
            if let due = userActions.first?.due, due < next { next = due }
            deliver(state.advance(to: next), onEffects: onEffects)
            while let (due, signal) = telephony.nextSignal(notAfter: next) {
                do {
                    deliver(try state.handle(.telephony(signal), at: due), onEffects: onEffects)
                } catch {
                    refusedSignals.append(error)
                }
            }
            if arrivals, nextArrival <= next { arrive(onEffects: onEffects) }
            if arrivals, let due = nextStatusChange, due <= next { changeSomeStatus(onEffects: onEffects) }
            while let action = userActions.first, action.due <= next {
                userActions.removeFirst()
                do {
                    deliver(try state.handle(action.command, at: action.due), onEffects: onEffects)
                } catch {
                    refusedUserCommands += 1
                }
            }
            if next >= end || (!arrivals && state.activeCallCount == 0 && userActions.isEmpty) { return }
        }
    }

    /// Plays out the calls in progress without new arrivals, at most until `limit`.
    public mutating func drain(until limit: Timestamp, onEffects: (SwitchboardEffects) -> Void = { _ in }) {
        run(until: limit, arrivals: false, onEffects: onEffects)
    }

    private mutating func arrive(onEffects: (SwitchboardEffects) -> Void) {
        arrivals += 1
        let now = nextArrival
        nextArrival = now + .milliseconds(Int64(random.next() % UInt64(2 * plan.meanInterarrival.wholeMilliseconds + 1)))
        let caller = outsideNumbers[random.index(below: plan.outsideCallers)]
        let to = random.chance(plan.queueShare) || userNumbers.isEmpty
            ? queueNumbers[random.index(below: queueNumbers.count)]
            : userNumbers[random.index(below: userNumbers.count)]
        do {
            let effects = try state.handle(.telephony(.arrived(from: caller, to: to)), at: now)
            for event in effects.events {
                if case .callIncoming(let data) = event.payload { telephony.callerConnected(data.leg, at: now) }
            }
            deliver(effects, onEffects: onEffects)
        } catch {
            refusedSignals.append(error)
        }
    }

    private mutating func changeSomeStatus(onEffects: (SwitchboardEffects) -> Void) {
        let now = nextStatusChange!
        nextStatusChange = now + .milliseconds(1 + Int64(random.next() % UInt64(2 * plan.statusChangeInterval!.wholeMilliseconds)))
        let user = userIDs[random.index(below: userIDs.count)]
        let current = state.presence(of: user)!.availability.status
        let choices: [AvailabilityStatus] = [.busy, .inMeeting, .away, .offWork]
        var next = Availability.available
        if current.isAvailable {
            let until: Timestamp? = random.chance(0.5) ? now + random.milliseconds(in: .seconds(60)...(.seconds(900))) : nil
            next = Availability(choices[random.index(below: choices.count)], until: until)
        }
        do {
            deliver(try state.handle(.setAvailability(user: user, availability: next, by: user), at: now), onEffects: onEffects)
        } catch {
            refusedUserCommands += 1
        }
    }

    private mutating func deliver(_ effects: SwitchboardEffects, onEffects: (SwitchboardEffects) -> Void) {
        for command in effects.telephony { telephony.perform(command, at: state.clock) }
        onEffects(effects)
        guard plan.transferProbability > 0 else { return }
        for event in effects.events {
            guard let call = event.callID else { continue }
            switch event.payload {
            case .callAnswered(let data):
                guard let by = data.answeredBy, random.chance(plan.transferProbability) else { continue }
                var target = userIDs[random.index(below: userIDs.count)]
                if target == by { target = userIDs[(userIDs.firstIndex(of: by)! + 1) % userIDs.count] }
                let kind = TransferKind.allCases[random.index(below: 3)]
                schedule(.transfer(call: call, to: .user(target), kind: kind, by: by),
                         at: event.occurredAt + random.milliseconds(in: .seconds(3)...(.seconds(15))))
            case .callTransferAnswered(let data):
                let command: SwitchboardCommand = random.chance(0.7)
                    ? .completeTransfer(call: call, by: data.by) : .cancelTransfer(call: call, by: data.by)
                schedule(command, at: event.occurredAt + random.milliseconds(in: .seconds(2)...(.seconds(8))))
            default:
                continue
            }
        }
    }

    private mutating func schedule(_ command: SwitchboardCommand, at due: Timestamp) {
        let position = userActions.firstIndex { $0.due > due } ?? userActions.count
        userActions.insert((due, command), at: position)
    }
}
