import Foundation
import Switchboard
import TelephonySimulator

/// One measured run.
struct BenchmarkRun {
    var completedCalls = 0
    var events = 0
    var seconds = 0.0
    var peakConcurrentCalls = 0
    /// Bytes of event JSON written, when the run encodes events.
    var jsonBytes = 0

    func line(label: String) -> String {
        let callsPerSecond = Int(Double(completedCalls) / seconds)
        let eventsPerSecond = Int(Double(events) / seconds)
        return "\(label): \(completedCalls) calls, \(events) events in \(String(format: "%.2f", seconds)) s: "
            + "\(callsPerSecond) complete calls/s, \(eventsPerSecond) events/s"
            + (jsonBytes > 0 ? ", \(jsonBytes) bytes of JSON" : "")
    }

    /// Calls arrive every 100 ms on average (virtual time) and talk 10–60 s, so about 350 of
    /// the 500 users are busy; runs until `calls` have arrived and all have ended.
    static func throughput(directory: TenantDirectory, start: Timestamp, calls: Int, encodeJSON: Bool) -> BenchmarkRun {
        let telephony = SimulatedTelephony(
            seed: 42, defaultParty: PartyBehavior(answerProbability: 0.85, rejectProbability: 0.05, latency: .seconds(1)...(.seconds(8))),
            callers: CallerBehavior(patience: .seconds(20)...(.seconds(240)), talkTime: .seconds(10)...(.seconds(60))))
        var simulation = Simulation(
            directory: directory, start: start, seed: 7, telephony: telephony,
            plan: TrafficPlan(meanInterarrival: .milliseconds(100), queueShare: 0.8))
        BenchmarkCompany.logEveryoneIn(&simulation, directory)
        var run = BenchmarkRun()
        let clock = ContinuousClock()
        let began = clock.now
        let arrivalWindow = Duration.milliseconds(Int64(calls) * 100)
        let count = { (effects: SwitchboardEffects) in
            run.events += effects.events.count
            for event in effects.events {
                if case .callEnded = event.payload { run.completedCalls += 1 }
                if encodeJSON { run.jsonBytes += (try? event.jsonData().count) ?? 0 }
            }
        }
        simulation.run(until: start + arrivalWindow, onEffects: count)
        simulation.drain(until: start + arrivalWindow + .seconds(3600), onEffects: count)
        run.seconds = (clock.now - began).seconds
        precondition(simulation.refusedSignals.isEmpty, "the engine refused signals: \(simulation.refusedSignals.prefix(3))")
        precondition(!encodeJSON || run.jsonBytes > 0)
        return run
    }

    /// 10,000 calls arrive within 10 s (virtual) and wait or talk for up to an hour: the
    /// state holds them all at once.
    static func concurrency(directory: TenantDirectory, start: Timestamp, calls: Int) -> BenchmarkRun {
        let telephony = SimulatedTelephony(
            seed: 43, callers: CallerBehavior(patience: .seconds(3000)...(.seconds(3600)), talkTime: .seconds(3000)...(.seconds(3600))))
        var simulation = Simulation(
            directory: directory, start: start, seed: 8, telephony: telephony,
            plan: TrafficPlan(meanInterarrival: .milliseconds(1), queueShare: 0.9))
        BenchmarkCompany.logEveryoneIn(&simulation, directory)
        var run = BenchmarkRun()
        let clock = ContinuousClock()
        let began = clock.now
        simulation.run(until: start + .milliseconds(Int64(calls))) { run.events += $0.events.count }
        run.peakConcurrentCalls = simulation.state.activeCallCount
        run.seconds = (clock.now - began).seconds
        return run
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
