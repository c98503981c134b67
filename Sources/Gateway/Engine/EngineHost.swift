import Foundation
import Storage
import Switchboard
import Synchronization

/// Every company's engine in this gateway: its `TenantRuntime`, the task that fires its
/// timers, and (when `[simulation]` is enabled) its simulated telephone platform.
final class EngineHost: Sendable {
    /// The engines, by company id.
    let runtimes: [String: TenantRuntime]
    private let platforms: [SimulatedPlatform]
    private let tasks = Mutex<[Task<Void, Never>]>([])

    private init(runtimes: [String: TenantRuntime], platforms: [SimulatedPlatform]) {
        self.runtimes = runtimes
        self.platforms = platforms
    }

    /// Starts (replays) each company's engine from the log.
    static func start(configuration: GatewayConfiguration, log: EventLog) async throws -> EngineHost {
        var runtimes: [String: TenantRuntime] = [:]
        var platforms: [SimulatedPlatform] = []
        for (index, tenant) in configuration.tenants.enumerated() {
            let directory = try tenant.makeDirectory()
            let runtime = try await TenantRuntime.start(directory: directory, log: log, now: .now)
            runtimes[tenant.id] = runtime
            if configuration.simulation.enabled {
                let seed = UInt64(configuration.simulation.seed) &+ UInt64(index) &* 7919 &+ UInt64(Date().timeIntervalSince1970)
                let platform = SimulatedPlatform(runtime: runtime, directory: directory, settings: configuration.simulation, seed: seed)
                await runtime.connectTelephony { effects in await platform.perform(effects) }
                platforms.append(platform)
            }
        }
        return EngineHost(runtimes: runtimes, platforms: platforms)
    }

    /// Starts the timer tasks and the simulated platforms.
    func start() {
        let timers = runtimes.values.map { runtime in Task { await Self.fireTimers(of: runtime) } }
        let simulations = platforms.map { platform in Task { await platform.run() } }
        tasks.withLock { $0 = timers + simulations }
    }

    /// Stops the timers and the simulation; commands still come through `runtimes`.
    func stop() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        running.forEach { $0.cancel() }
        for task in running { await task.value }
    }

    private static func fireTimers(of runtime: TenantRuntime) async {
        while !Task.isCancelled {
            let now = Timestamp.now
            let due = await runtime.nextTimerDue
            let wait = due.map { max(0, min($0.milliseconds(since: now), 1000)) } ?? 1000
            if wait > 0 { try? await Task.sleep(for: .milliseconds(wait)) }
            try? await runtime.tick()
        }
    }
}
