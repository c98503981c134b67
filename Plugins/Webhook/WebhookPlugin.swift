public import PluginKit
public import Foundation

/// Posts each event as JSON to one receiver, signed per the Standard Webhooks spec
/// (https://www.standardwebhooks.com):
///
/// - body: the ``EventEnvelope`` as JSON with sorted keys, `Content-Type: application/json`;
/// - `webhook-id`: the event's id, the same on every retry and redelivery, so a receiver
///   recognises a duplicate by it;
/// - `webhook-timestamp`: when this attempt was sent, in Unix seconds (the context's clock);
/// - `webhook-signature`: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per signing
///   key, separated by spaces.
///
/// The receiver's answer maps to an outcome as ``WebhookResponsePolicy`` says. Neither the
/// keys nor the URL's path and query appear in logs, errors or the plugin's description.
public struct WebhookPlugin: Plugin, CustomStringConvertible, CustomReflectable {
    /// `webhook/INSTANCE`.
    public let identity: PluginIdentity
    /// Which events the instance receives.
    public let filter: EventFilter
    /// Where and how it posts.
    public let endpoint: WebhookEndpoint

    /// Creates the instance `instance` posting to `endpoint`.
    public init(instance: String, filter: EventFilter, endpoint: WebhookEndpoint) {
        identity = PluginIdentity(kind: WebhookPluginFactory.kind, instance: instance)
        self.filter = filter
        self.endpoint = endpoint
    }

    /// Posts `event` once; see ``WebhookResponsePolicy`` for what the answer means.
    public func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        let request = try signedRequest(for: event, sentAt: context.clock.now())
        let response: HTTPClientResponse
        do {
            response = try await context.http.send(request)
        } catch {
            let failure = WebhookResponsePolicy.error(for: error)
            context.logger.debug(
                "webhook not answered", ["event": event.id, "receiver": endpoint.origin, "error": "\(error.code)"])
            throw failure
        }
        context.logger.debug(
            "webhook answered", ["event": event.id, "receiver": endpoint.origin, "status": "\(response.status)"])
        return try WebhookResponsePolicy.outcome(of: response, now: context.clock.now()).get()
    }

    /// The POST for `event` as sent at `sentAt`.
    public func signedRequest(for event: EventEnvelope, sentAt: Date) throws(PluginError) -> HTTPClientRequest {
        let body: [UInt8]
        do {
            body = Array(try Self.encoder.encode(event))
        } catch {
            throw .permanent("event \(event.id) cannot be encoded as JSON")
        }
        let timestamp = String(Int64(sentAt.timeIntervalSince1970.rounded(.down)))
        let signedContent = Array("\(event.id).\(timestamp).".utf8) + body
        let signatures: [String]
        do {
            signatures = try endpoint.signingKeys.map { key throws(CryptoError) in try key.signature(of: signedContent) }
        } catch {
            throw .transient("signing failed: \(error.code)")
        }
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.add(name: "webhook-id", value: event.id)
        headers.add(name: "webhook-timestamp", value: timestamp)
        headers.add(name: "webhook-signature", value: signatures.joined(separator: " "))
        return HTTPClientRequest(
            method: .post, url: endpoint.url, headers: headers, body: body, timeout: endpoint.requestTimeout)
    }

    /// `webhook/INSTANCE → ORIGIN (…)`.
    public var description: String { "\(identity) → \(endpoint)" }

    /// Shows what `description` shows.
    public var customMirror: Mirror { Mirror(self, children: ["plugin": description]) }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
