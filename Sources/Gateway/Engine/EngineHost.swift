import Foundation
import PluginKit
import Storage
import Switchboard

/// Every company's engine in this gateway: its `TenantRuntime`, the task that fires its
/// timers, and (when `[simulation]` is enabled) its simulated telephone platform.
///
/// A ``Service``: ``run()`` fires the timers and runs the simulations until cancelled;
/// commands reach the engines through ``runtimes`` whether it runs or not.
final class EngineHost: Service {
    /// The engines, by company id.
    let runtimes: [String: TenantRuntime]
    /// The company ids in configured order.
    let order: [String]
    private let platforms: [SimulatedPlatform]
    private let logger: Logger

    private init(runtimes: [String: TenantRuntime], order: [String], platforms: [SimulatedPlatform], logger: Logger) {
        self.runtimes = runtimes
        self.order = order
        self.platforms = platforms
        self.logger = logger
    }

    /// Starts (replays) each company's engine from the log.
    static func start(configuration: GatewayConfiguration, log: EventLog, logger: Logger) async throws -> EngineHost {
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
        return EngineHost(runtimes: runtimes, order: configuration.tenants.map(\.id), platforms: platforms, logger: logger.labelled("engine"))
    }

    /// `engines`.
    var name: String { "engines" }

    /// Fires each company's timers and runs the simulated platforms, each in a task of its
    /// own, until cancelled.
    func run() async {
        let logger = self.logger
        await withTaskGroup(of: Void.self) { group in
            for runtime in runtimes.values { group.addTask { await Self.fireTimers(of: runtime, logger: logger) } }
            for platform in platforms { group.addTask { await platform.run() } }
        }
    }

    /// The companies whose engine stopped because the event log failed under it.
    func failedTenants() async -> [String] {
        var failed: [String] = []
        for (tenant, runtime) in runtimes where await runtime.isFailed { failed.append(tenant) }
        return failed.sorted()
    }

    private static func fireTimers(of runtime: TenantRuntime, logger: Logger) async {
        while !Task.isCancelled {
            let now = Timestamp.now
            let due = await runtime.nextTimerDue
            let wait = due.map { max(0, min($0.milliseconds(since: now), 1000)) } ?? 1000
            if wait > 0 { try? await Task.sleep(for: .milliseconds(wait)) }
            do {
                try await runtime.tick()
            } catch {
                logger.error("engine timers stopped", ["tenant": runtime.tenant.rawValue, "error": String(describing: error)])
                return
            }
        }
    }
}

extension EngineHost {
    /// The user whose number `number` is, for logging in: in `tenant` when given, else in
    /// the first company (in configured order) that has one. SMS codes go to mobiles only;
    /// a call can also reach an IP number.
    func account(for number: PhoneNumber, tenant: TenantID?, channel: LoginChannel) async -> LoginService.Account? {
        for id in order where tenant == nil || tenant?.rawValue == id {
            guard let runtime = runtimes[id] else { continue }
            let found = await runtime.read { state -> LoginService.Account? in
                state.directory.users.first { user in
                    user.mobile == number || (channel == .call && user.ipNumber == number)
                }
                .flatMap { state.presence(of: $0.id)?.user }
                .map { LoginService.Account(tenant: state.directory.tenant, user: $0.id, language: $0.language) }
            }
            if let found { return found }
        }
        return nil
    }
}
