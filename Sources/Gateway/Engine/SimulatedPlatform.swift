import Foundation
import Switchboard
import TelephonySimulator

/// Plays the telephone platform for one company in real time: new calls arrive at random
/// (to the queues' main numbers and to users), and the simulated phones and callers answer,
/// press keys and hang up as `SimulatedTelephony` decides. It talks to the engine only
/// through `TenantRuntime.perform`, as a real platform driver would.
actor SimulatedPlatform {
    private let runtime: TenantRuntime
    private var telephony: SimulatedTelephony
    private var random: SimulationRandom
    private let meanInterarrival: Duration
    private let queueShare: Double
    private let queueNumbers: [PhoneNumber]
    private let userNumbers: [PhoneNumber]
    private var nextArrival: Timestamp
    /// Memberships to log in at start (`log_in_members`); empty otherwise.
    private let logIns: [(UserID, QueueID)]

    init(runtime: TenantRuntime, directory: TenantDirectory, settings: SimulationConfiguration, seed: UInt64) {
        self.runtime = runtime
        let party = PartyBehavior(answerProbability: Double(settings.answerPercent) / 100)
        telephony = SimulatedTelephony(seed: seed, defaultParty: party)
        random = SimulationRandom(seed: seed ^ 0xCA11)
        meanInterarrival = .milliseconds(60_000 / settings.callsPerMinute)
        queueShare = Double(settings.queueSharePercent) / 100
        queueNumbers = directory.queues.map(\.mainNumber)
        userNumbers = directory.users.compactMap { $0.mobile ?? $0.ipNumber }
        nextArrival = .now
        logIns = settings.logInMembers ? directory.queues.flatMap { queue in queue.members.map { ($0.user, queue.id) } } : []
    }

    /// Takes the engine's telephony commands (ring, bridge, play, hang up).
    func perform(_ effects: SwitchboardEffects) {
        let now = Timestamp.now
        for command in effects.telephony { telephony.perform(command, at: now) }
        for event in effects.events {
            if case .callIncoming(let data) = event.payload { telephony.callerConnected(data.leg, at: now) }
        }
    }

    /// Runs until the task is cancelled: first ends the calls the engine still has from before
    /// a restart (this simulated platform never saw them, so nobody would ever hang up),
    /// then every 20 ms sends what is due.
    func run() async {
        let stale = await runtime.read { $0.activeCalls }
        for call in stale {
            _ = try? await runtime.perform(.telephony(.hungUp(LegID(call: call, index: 0))))
        }
        for (user, queue) in logIns {
            _ = try? await runtime.perform(.logIn(user: user, queue: queue, by: user))
        }
        while !Task.isCancelled {
            await step(now: .now)
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private func step(now: Timestamp) async {
        while let (due, signal) = telephony.nextSignal(notAfter: now) {
            _ = try? await runtime.perform(.telephony(signal), at: due)
        }
        guard nextArrival <= now, !queueNumbers.isEmpty || !userNumbers.isEmpty else { return }
        nextArrival = now + .milliseconds(Int64(random.next() % UInt64(2 * meanInterarrival.wholeMilliseconds + 1)))
        let caller = try! PhoneNumber(parsing: "+4740\(100_000 + random.index(below: 5000))")
        let toQueue = !queueNumbers.isEmpty && (random.chance(queueShare) || userNumbers.isEmpty)
        let to = toQueue ? queueNumbers[random.index(below: queueNumbers.count)] : userNumbers[random.index(below: userNumbers.count)]
        _ = try? await runtime.perform(.telephony(.arrived(from: caller, to: to)))
    }
}
