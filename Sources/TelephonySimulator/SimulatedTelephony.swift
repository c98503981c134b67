public import Switchboard

/// A deterministic telephony platform on a virtual clock (DESIGN decision 4): it carries out
/// the engine's commands and answers with signals at later virtual times, drawn from a
/// seeded generator and the parties' behaviors. It has no I/O: tests, the demo and load
/// generation drive an engine with it.
public struct SimulatedTelephony: TelephonyDriver, Sendable {
    private enum Action: Sendable {
        case answer(LegID)
        case reject(LegID)
        case callerGivesUp(LegID)
        case talkEnds(LegID, epoch: Int)
        case key(LegID, Unicode.Scalar, prompt: Int)
        case messageEnds(LegID, prompt: Int)
    }

    private struct Scheduled: Sendable {
        let due: Timestamp
        let order: UInt64
        let action: Action
        func before(_ other: Scheduled) -> Bool { (due, order) < (other.due, other.order) }
    }

    private struct SimulatedCall: Sendable {
        var epoch = 0
        var prompt = 0
        var bridged = false
    }

    /// How each number behaves when rung; numbers not listed use `defaultParty`.
    public var parties: [PhoneNumber: PartyBehavior]
    /// How numbers not in `parties` behave.
    public var defaultParty: PartyBehavior
    /// How callers behave.
    public var callers: CallerBehavior
    private var random: SimulationRandom
    private var heap: [Scheduled] = []
    private var scheduled: UInt64 = 0
    private var liveLegs: Set<LegID> = []
    private var ringingLegs: Set<LegID> = []
    private var calls: [CallID: SimulatedCall] = [:]

    /// A platform whose random choices come from `seed`.
    public init(seed: UInt64, parties: [PhoneNumber: PartyBehavior] = [:], defaultParty: PartyBehavior = PartyBehavior(), callers: CallerBehavior = CallerBehavior()) {
        random = SimulationRandom(seed: seed)
        self.parties = parties
        self.defaultParty = defaultParty
        self.callers = callers
    }

    /// When the next signal may be due.
    public var nextDue: Timestamp? { heap.first?.due }

    /// Legs the platform considers ringing or connected.
    public var liveLegCount: Int { liveLegs.count }

    /// The engine accepted an arrived call as `leg` (leg 0): the caller may give up later.
    public mutating func callerConnected(_ leg: LegID, at now: Timestamp) {
        liveLegs.insert(leg)
        calls[leg.call] = SimulatedCall()
        schedule(.callerGivesUp(leg), at: now + random.milliseconds(in: callers.patience))
    }

    /// Carries out one engine command.
    public mutating func perform(_ command: TelephonyCommand, at now: Timestamp) {
        switch command {
        case .ring(let leg, let number, _):
            liveLegs.insert(leg)
            ringingLegs.insert(leg)
            if calls[leg.call] == nil { calls[leg.call] = SimulatedCall() }
            let party = parties[number] ?? defaultParty
            let after = now + random.milliseconds(in: party.latency)
            if random.chance(party.answerProbability) {
                schedule(.answer(leg), at: after)
            } else if random.chance(party.rejectProbability) {
                schedule(.reject(leg), at: after)
            }
        case .play(let leg, let prompt):
            guard liveLegs.contains(leg) else { return }
            calls[leg.call, default: SimulatedCall()].prompt += 1
            let current = calls[leg.call]!.prompt
            switch prompt {
            case .assistant:
                let roll = Double(random.next() >> 11) / Double(1 << 53)
                let after = now + random.milliseconds(in: .seconds(1)...(.seconds(6)))
                if roll < callers.pressOneProbability {
                    schedule(.key(leg, "1", prompt: current), at: after)
                } else if roll < callers.pressOneProbability + callers.pressTwoProbability {
                    schedule(.key(leg, "2", prompt: current), at: after)
                }
            case .voicemail:
                schedule(.messageEnds(leg, prompt: current), at: now + random.milliseconds(in: callers.messageLength))
            case .queueClosed, .waitingMusic:
                break
            }
        case .bridge(let first, let second):
            ringingLegs.remove(first)
            ringingLegs.remove(second)
            calls[first.call, default: SimulatedCall()].epoch += 1
            calls[first.call]!.bridged = true
            let epoch = calls[first.call]!.epoch
            let ender = random.chance(callers.callerEndsProbability) ? first : second
            schedule(.talkEnds(ender, epoch: epoch), at: now + random.milliseconds(in: callers.talkTime))
        case .hold:
            break
        case .hangUp(let leg):
            end(leg)
        }
    }

    /// Removes and returns the next signal due at or before `now`, skipping actions that no
    /// longer apply (a leg that ended, a conversation that moved on).
    public mutating func nextSignal(notAfter now: Timestamp) -> (Timestamp, TelephonySignal)? {
        while let first = heap.first, first.due <= now {
            popFirst()
            if let signal = signal(for: first.action) { return (first.due, signal) }
        }
        return nil
    }

    private mutating func signal(for action: Action) -> TelephonySignal? {
        switch action {
        case .answer(let leg):
            guard ringingLegs.remove(leg) != nil else { return nil }
            return .answered(leg)
        case .reject(let leg):
            guard ringingLegs.contains(leg) else { return nil }
            end(leg)
            return .hungUp(leg)
        case .callerGivesUp(let leg):
            guard liveLegs.contains(leg), calls[leg.call]?.bridged == false else { return nil }
            end(leg)
            return .hungUp(leg)
        case .talkEnds(let leg, let epoch):
            guard liveLegs.contains(leg), calls[leg.call]?.epoch == epoch else { return nil }
            end(leg)
            return .hungUp(leg)
        case .key(let leg, let digit, let prompt):
            guard liveLegs.contains(leg), calls[leg.call]?.prompt == prompt else { return nil }
            return .dtmf(leg, digit: Character(digit))
        case .messageEnds(let leg, let prompt):
            guard liveLegs.contains(leg), calls[leg.call]?.prompt == prompt else { return nil }
            end(leg)
            return .hungUp(leg)
        }
    }

    private mutating func end(_ leg: LegID) {
        liveLegs.remove(leg)
        ringingLegs.remove(leg)
        if leg.index == 0 { calls[leg.call] = nil }
    }

    private mutating func schedule(_ action: Action, at due: Timestamp) {
        scheduled += 1
        heap.append(Scheduled(due: due, order: scheduled, action: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].before(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popFirst() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].before(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].before(heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
