import Foundation
import HTTPServer
import PluginKit
import Switchboard
import Synchronization

/// Plugin delivery for a company's admins: `GET /admin/plugins` (status, lag, dead letters)
/// and `POST /admin/plugins/{name}/replay-dead`. An admin sees only the instances that
/// serve their company alone (`tenants = ["ID"]`); instances shared by every company are
/// the operator's, through `sentralbord plugins`.
struct PluginAdminRoutes {
    /// One instance's delivery.
    struct InstanceView: Encodable, Sendable {
        let name: String
        let kind: String
        let cursor: Int64
        let lag: Int64
        let delivered: Int64
        let skipped: Int64
        let deadLetters: Int
        let breaker: String
        let retrying: RetryView?
    }

    /// The event being retried, with its times in RFC 3339 like every time in the API (the
    /// stored status keeps them as `Date`, which JSON would write as a bare number).
    struct RetryView: Encodable, Sendable {
        let seq: Int64
        let eventId: String
        let attempts: Int
        let lastError: String
        let firstAttemptAt: Timestamp
        let nextAttemptAt: Timestamp

        init(_ retry: PluginInstanceStatus.Retry) {
            seq = retry.seq
            eventId = retry.eventId
            attempts = retry.attempts
            lastError = retry.lastError
            firstAttemptAt = Timestamp(millisecondsSinceEpoch: retry.firstAttemptAt.millisecondsSince1970)
            nextAttemptAt = Timestamp(millisecondsSinceEpoch: retry.nextAttemptAt.millisecondsSince1970)
        }
    }

    /// The company's instances.
    struct InstanceList: Encodable, Sendable {
        let plugins: [InstanceView]
    }

    /// What a replay did.
    struct ReplayView: Encodable, Sendable {
        /// A letter that failed again.
        struct Failure: Encodable, Sendable {
            let seq: Int64
            let error: String
        }

        let delivered: Int
        let failed: [Failure]
    }

    let plugins: [PluginConfiguration]
    /// The companies the gateway serves (a replayed plugin may emit their events).
    let companies: Set<String>
    let storage: GatewayStorage
    let logger: Logger
    /// Instances whose dead letters are being replayed now.
    private let replaying = InstanceClaims()

    func register(in api: inout APIRouter) {
        let plugins = self.plugins
        let storage = self.storage
        let logger = self.logger
        let replaying = self.replaying
        let own = { @Sendable (tenant: TenantID) in plugins.filter { $0.filter.tenants == [tenant.rawValue] } }
        api.get("/admin/plugins", .admin) { request in
            let store = storage.pluginDeliveryStore
            do {
                let last = try await store.lastSeq()
                var views: [InstanceView] = []
                for instance in own(request.tenant) {
                    let status = try await store.status(of: instance.name) ?? PluginInstanceStatus(instance: instance.name, kind: instance.kind)
                    views.append(InstanceView(
                        name: instance.name, kind: instance.kind, cursor: status.cursor, lag: max(0, last - status.cursor),
                        delivered: status.delivered, skipped: status.skipped, deadLetters: try await store.deadLetters(of: instance.name).count,
                        breaker: status.breaker, retrying: status.retrying.map(RetryView.init)))
                }
                return try .json(InstanceList(plugins: views))
            } catch let error as HTTPError {
                throw error
            } catch {
                throw APIProblem.storageUnavailable()
            }
        }
        api.post("/admin/plugins/:name/replay-dead", .admin) { request in
            guard let instance = own(request.tenant).first(where: { $0.name == request.parameter("name") }) else {
                throw APIProblem.notFound("No plugin instance \"\(request.parameter("name"))\" serves this company alone.")
            }
            var body = try JSONBody(request.http, allowEmpty: true)
            try body.finish()
            guard replaying.claim(instance.name) else {
                throw APIProblem.conflict("replay-in-progress", "The dead letters of \(instance.name) are being replayed now.")
            }
            defer { replaying.release(instance.name) }
            let report: DeadLetterReplay.Report
            do {
                report = try await DeadLetterReplay.replay(instance, storage: storage, companies: companies, logger: logger, shutDown: false)
            } catch {
                throw APIProblem.storageUnavailable("The replay stopped; try again.")
            }
            return try .json(ReplayView(delivered: report.delivered, failed: report.failed.map { ReplayView.Failure(seq: $0.seq, error: $0.error) }))
        }
    }
}

/// Names claimed by one task at a time (an instance being replayed).
final class InstanceClaims: Sendable {
    private let names = Mutex<Set<String>>([])

    /// Claims `name`; false if it is claimed already.
    func claim(_ name: String) -> Bool { names.withLock { $0.insert(name).inserted } }

    /// Releases `name`.
    func release(_ name: String) { names.withLock { _ = $0.remove(name) } }
}
