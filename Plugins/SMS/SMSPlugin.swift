public import PluginKit
import Synchronization

/// The SMS plugin (GW-3): turns `notification.missedCall.requested` events into missed-call SMS
/// through an ``SMSService``, and hands that service to the gateway's API for the other purposes.
///
/// The plugin is made from configuration before the gateway's database is open, so the
/// gateway attaches the ledger afterwards with ``attach(ledger:http:logger:clock:departmentOf:)``
/// (before deliveries start); a delivery before that fails as `misconfigured`. After a restart,
/// rows left `reserved` are sent by ``startSending()``'s loop, which the gateway starts and the
/// first delivery starts if the gateway did not; ``shutdown()`` stops it.
public final class SMSPlugin: Plugin, CustomStringConvertible {
    /// `sms/INSTANCE`.
    public let identity: PluginIdentity
    /// Which events the instance receives (the host's keys); only missed-call notices are acted on.
    public let filter: EventFilter
    /// The instance's settings.
    public let settings: SMSSettings
    private let state = Mutex<(service: SMSService?, loop: Task<Void, Never>?)>((nil, nil))

    /// Creates the instance `instance`.
    public init(instance: String, filter: EventFilter, settings: SMSSettings) {
        identity = PluginIdentity(kind: SMSPluginFactory.kind, instance: instance)
        self.filter = filter
        self.settings = settings
    }

    /// Gives the plugin its ledger and outbound HTTP, making the provider and the service;
    /// returns the service (for the API). Attaching again replaces the service.
    @discardableResult
    public func attach(
        ledger: any SMSLedger, http: any HTTPTransport, logger: Logger, clock: any PluginClock = SystemPluginClock(),
        departmentOf: @escaping @Sendable (_ tenant: String, _ user: String) -> String? = { _, _ in nil }
    ) -> SMSService {
        let service = SMSService(
            settings: settings, ledger: ledger, provider: settings.provider.makeProvider(http: http, logger: logger), clock: clock,
            logger: logger, departmentOf: departmentOf)
        state.withLock { $0.service = service }
        return service
    }

    /// The attached service, if any.
    public var service: SMSService? { state.withLock { $0.service } }

    /// Starts the loop that sends due rows (idempotent; nothing happens before ``attach``).
    public func startSending() {
        state.withLock { state in
            guard state.loop == nil, let service = state.service else { return }
            state.loop = Task { await service.run() }
        }
    }

    /// Records a missed-call notice (see ``SMSService/notify(_:)``); other events are skipped.
    public func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        guard event.type == MissedCallNotice.eventType else { return .skipped(reason: "not a missed-call notice") }
        guard let service else { throw .misconfigured("the SMS ledger is not attached") }
        startSending()
        let notice = try MissedCallNotice(event: event)
        switch try await service.notify(notice) {
        case .recorded, .merged: return .delivered
        case .dropped: return .skipped(reason: "missed-call SMS dropped (expired or over the spend cap); recorded in the ledger")
        }
    }

    /// Stops the sending loop.
    public func shutdown() async {
        let loop = state.withLock { state in
            defer { state.loop = nil }
            return state.loop
        }
        loop?.cancel()
        await loop?.value
    }

    /// `sms/INSTANCE via PROVIDER`: no secrets.
    public var description: String { "\(identity) via \(settings.provider)" }
}
