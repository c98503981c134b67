public import PluginKit
import Foundation

/// A Twilio-compatible Messages API
/// (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource):
/// `POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json` with the form fields `To`,
/// `From`, `Body` and optionally `StatusCallback`, authenticated with HTTP Basic
/// (account SID, auth token). A `201` answer's JSON `sid` is the provider message id and its
/// `num_segments` the provider's segment count. Error answers carry JSON `code` and `message`.
public struct TwilioProvider: SMSProvider, CustomStringConvertible {
    /// `twilio`.
    public let name = "twilio"
    /// The API's origin, `https://api.twilio.com` for Twilio itself.
    public let baseURL: String
    /// The account SID (the Basic user name).
    public let accountSID: String
    /// The auth token (the Basic password, and the key of status-callback signatures).
    public let authToken: Secret
    /// Where Twilio posts status callbacks for each message, if anywhere.
    public let statusCallbackURL: String?
    /// The limit for one request.
    public let timeout: Duration
    /// Outbound HTTP.
    public let http: any HTTPTransport

    /// Creates a provider.
    public init(
        baseURL: String = "https://api.twilio.com", accountSID: String, authToken: Secret, statusCallbackURL: String? = nil,
        timeout: Duration = .seconds(10), http: any HTTPTransport
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.accountSID = accountSID
        self.authToken = authToken
        self.statusCallbackURL = statusCallbackURL
        self.timeout = timeout
        self.http = http
    }

    /// Creates the message; see the type's documentation.
    public func send(_ message: SMSMessage, idempotencyKey: String) async throws(PluginError) -> SMSReceipt {
        var fields = [("To", message.recipient), ("From", message.sender), ("Body", message.text)]
        if let statusCallbackURL { fields.append(("StatusCallback", statusCallbackURL)) }
        let request = HTTPClientRequest(
            method: .post, url: "\(baseURL)/2010-04-01/Accounts/\(FormEncoding.percentEncode(accountSID))/Messages.json",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "I-Twilio-Idempotency-Token": idempotencyKey],
            body: Array(FormEncoding.encode(fields).utf8), timeout: timeout,
            authentication: .basic(username: accountSID, password: authToken.reveal()))
        let response: HTTPClientResponse
        do {
            response = try await http.send(request)
        } catch {
            throw ProviderAnswer.error(provider: name, transfer: error)
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        guard response.isSuccess else {
            throw ProviderAnswer.error(
                provider: name, status: response.status, code: object?["code"].map { "\($0)" },
                answer: object?["message"] as? String ?? response.text, sent: message, secrets: [authToken.reveal()])
        }
        guard let sid = object?["sid"] as? String, !sid.isEmpty else {
            throw .transient("\(name) answered \(response.status) without a message sid")
        }
        let segments = (object?["num_segments"] as? String).flatMap(Int.init) ?? object?["num_segments"] as? Int
        return SMSReceipt(providerMessageID: sid, providerSegments: segments)
    }

    /// `twilio ORIGIN (account SID)`: no token.
    public var description: String { "\(name) \(baseURL) (account \(accountSID))" }
}
