import Foundation
import PluginKit
import WebhookPlugin

/// Events, secrets and plugins the webhook tests share.
enum WebhookFixture {
    /// A fresh `whsec_` secret holding 32 random bytes.
    static func newSecret() throws -> String {
        "whsec_" + Data(try SecureRandom.bytes(count: 32)).base64EncodedString()
    }

    /// A `call.missed` event with some non-ASCII data, so the signed bytes are not trivial.
    static func event(_ id: String = "evt-01J2", seq: Int64 = 42) -> EventEnvelope {
        EventEnvelope(
            seq: seq, id: id, type: "call.missed", tenant: "acme",
            occurredAt: Date(timeIntervalSince1970: 1_767_225_600.123), callId: "call-7", callSeq: 3,
            data: ["queueId": "support", "caller": "+4791234567", "note": "Blåbær ✓ / \"quoted\""])
    }

    /// A plugin posting to `url`, signed with `secrets` (each read as if from `env:KEYn`).
    static func plugin(url: String, secrets: [String], timeout: Duration = .seconds(5)) throws -> WebhookPlugin {
        let keys = try secrets.enumerated().map { index, secret in
            try WebhookSigningKey(secret: Secret(secret, from: .environment("KEY\(index)")))
        }
        return WebhookPlugin(
            instance: "crm", filter: .all, endpoint: WebhookEndpoint(url: url, signingKeys: keys, requestTimeout: timeout))
    }
}
