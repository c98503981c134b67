public import PluginKit
import Synchronization

/// The SMS plugin (GW-3): turns `notification.missedCall.requested` events into missed-call SMS
/// through an ``SMSService``; its kind (``SMSPluginFactory``) gives the service to the API's SMS
/// routes, the billing export and the login-code channel.
///
/// The plugin is made from configuration before the gateway's database is open; its kind's
/// ``SMSPluginFactory/start(instances:context:)`` attaches the ledger with
/// ``attach(ledger:http:logger:clock:departmentOf:)`` before deliveries start (a delivery
/// before that fails as `misconfigured`), and returns the loop that sends due rows — those
/// left `reserved` by a restart, and those whose merge window ended — as a ``Service``.
public final class SMSPlugin: Plugin, CustomStringConvertible {
    /// `sms/INSTANCE`.
    public let identity: PluginIdentity
    /// Which events the instance receives (the host's keys); only missed-call notices are acted on.
    public let filter: EventFilter
    /// The instance's settings.
    public let settings: SMSSettings
    private let attached = Mutex<SMSService?>(nil)

    /// Creates the instance `instance`.
    public init(instance: String, filter: EventFilter, settings: SMSSettings) {
        identity = PluginIdentity(kind: SMSPluginFactory.kind, instance: instance)
        self.filter = filter
        self.settings = settings
    }

    /// Gives the plugin its ledger and outbound HTTP, making the provider and the service;
    /// returns the service. Attaching again replaces the service.
    @discardableResult
    public func attach(
        ledger: any SMSLedger, http: any HTTPTransport, logger: Logger, clock: any PluginClock = SystemPluginClock(),
        departmentOf: @escaping @Sendable (_ tenant: String, _ user: String) async -> String? = { _, _ in nil }
    ) -> SMSService {
        let service = SMSService(
            settings: settings, ledger: ledger, provider: settings.provider.makeProvider(http: http, logger: logger), clock: clock,
            logger: logger, departmentOf: departmentOf)
        attached.withLock { $0 = service }
        return service
    }

    /// The attached service, if any.
    public var service: SMSService? { attached.withLock { $0 } }

    /// Records a missed-call notice (see ``SMSService/notify(_:)``); other events are skipped.
    public func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        guard event.type == MissedCallNotice.eventType else { return .skipped(reason: "not a missed-call notice") }
        guard let service else { throw .misconfigured("the SMS ledger is not attached") }
        let notice = try MissedCallNotice(event: event)
        switch try await service.notify(notice) {
        case .recorded, .merged: return .delivered
        case .dropped: return .skipped(reason: "missed-call SMS dropped (expired or over the spend cap); recorded in the ledger")
        }
    }

    /// `sms/INSTANCE via PROVIDER`: no secrets.
    public var description: String { "\(identity) via \(settings.provider)" }
}

/// The loop of one SMS instance that sends due rows every second (``SMSService/run(interval:)``).
struct SMSSender: Service {
    let service: SMSService
    let instance: String

    var name: String { "plugin.sms.\(instance).sender" }

    func run() async throws { await service.run() }
}
