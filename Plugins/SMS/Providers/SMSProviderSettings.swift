public import PluginKit
import Foundation

/// Which provider an SMS instance sends through, as configured; makes the provider once an
/// HTTP transport is at hand.
///
/// Configuration keys (in the instance's `[[plugins]]` table):
/// - `provider`: `log` (default: sends nothing, logs), `aws-sns`, `twilio` or `http`.
/// - `aws-sns`: `aws_region` (required), `aws_access_key_id` (required, secret),
///   `aws_secret_access_key` (required, secret), `aws_endpoint` (default
///   `https://sns.REGION.amazonaws.com/`), `aws_sms_type` (`Transactional` or `Promotional`).
/// - `twilio`: `twilio_account_sid` (required), `twilio_auth_token` (required, secret),
///   `twilio_base_url` (default `https://api.twilio.com`), `twilio_status_callback_url`.
/// - `http`: `http_url` (required), `http_method` (default `POST`), `http_body` (template),
///   `http_content_type` (default `application/x-www-form-urlencoded`), `http_authorization`
///   (secret, sent as `Authorization`), `http_message_id_field`.
/// - `provider_timeout_seconds` (1…120, default 10).
public enum SMSProviderSettings: Sendable, CustomStringConvertible {
    /// The log provider.
    case log
    /// AWS SNS.
    case awsSNS(endpoint: String, region: String, accessKeyID: Secret, secretAccessKey: Secret, smsType: String, timeout: Duration)
    /// A Twilio-compatible API.
    case twilio(baseURL: String, accountSID: String, authToken: Secret, statusCallbackURL: String?, timeout: Duration)
    /// A generic HTTP gateway.
    case http(
        url: String, method: HTTPMethod, bodyTemplate: String?, contentType: String, authorization: Secret?,
        messageIDField: String?, timeout: Duration)

    /// The provider names `provider` accepts.
    public enum Kind: String, Sendable, CaseIterable {
        /// ``LogSMSProvider``.
        case log
        /// ``AWSSNSProvider``.
        case awsSNS = "aws-sns"
        /// ``TwilioProvider``.
        case twilio
        /// ``HTTPTemplateProvider``.
        case http
    }

    /// Reads the keys above, reporting each problem on `config`; nil when unusable.
    public init?(config: ConfigReader) {
        let kind: Kind = config.choice("provider", default: .log)
        let timeout = Duration.seconds(config.integer("provider_timeout_seconds", default: 10, in: 1...120))
        switch kind {
        case .log:
            self = .log
        case .awsSNS:
            let region = config.requiredText("aws_region")
            let keyID = config.secret("aws_access_key_id", required: true)
            let secretKey = config.secret("aws_secret_access_key", required: true)
            let endpoint = config.string("aws_endpoint") ?? region.map { "https://sns.\($0).amazonaws.com/" }
            let smsType = config.string("aws_sms_type", default: "Transactional")
            if smsType != "Transactional" && smsType != "Promotional" {
                config.report("aws_sms_type", "expected \"Transactional\" or \"Promotional\"")
            }
            guard let region, let keyID, let secretKey, let endpoint, Self.isHTTPURL(endpoint, key: "aws_endpoint", config) else {
                return nil
            }
            self = .awsSNS(endpoint: endpoint, region: region, accessKeyID: keyID, secretAccessKey: secretKey, smsType: smsType, timeout: timeout)
        case .twilio:
            let sid = config.requiredText("twilio_account_sid")
            let token = config.secret("twilio_auth_token", required: true)
            let base = config.string("twilio_base_url", default: "https://api.twilio.com")
            let callback = config.string("twilio_status_callback_url")
            let callbackIsValid = callback.map { Self.isHTTPURL($0, key: "twilio_status_callback_url", config) } ?? true
            guard let sid, let token, Self.isHTTPURL(base, key: "twilio_base_url", config), callbackIsValid else { return nil }
            self = .twilio(baseURL: base, accountSID: sid, authToken: token, statusCallbackURL: callback, timeout: timeout)
        case .http:
            let url = config.requiredText("http_url")
            let method = HTTPMethod(rawValue: config.string("http_method", default: "POST").uppercased())
            let body = config.string("http_body")
            let contentType = config.string("http_content_type", default: "application/x-www-form-urlencoded")
            let authorization = config.secret("http_authorization")
            let field = config.string("http_message_id_field")
            guard let url, Self.isHTTPURL(url, key: "http_url", config) else { return nil }
            self = .http(
                url: url, method: method, bodyTemplate: body, contentType: contentType, authorization: authorization,
                messageIDField: field, timeout: timeout)
        }
    }

    /// The provider, sending through `http` and logging to `logger`.
    public func makeProvider(http: any HTTPTransport, logger: Logger) -> any SMSProvider {
        switch self {
        case .log:
            LogSMSProvider(logger: logger)
        case .awsSNS(let endpoint, let region, let keyID, let secretKey, let smsType, let timeout):
            AWSSNSProvider(
                endpoint: endpoint, region: region, accessKeyID: keyID.reveal(), secretAccessKey: secretKey, smsType: smsType,
                timeout: timeout, http: http)
        case .twilio(let base, let sid, let token, let callback, let timeout):
            TwilioProvider(baseURL: base, accountSID: sid, authToken: token, statusCallbackURL: callback, timeout: timeout, http: http)
        case .http(let url, let method, let body, let contentType, let authorization, let field, let timeout):
            HTTPTemplateProvider(
                url: url, method: method, bodyTemplate: body, contentType: contentType, authorization: authorization,
                messageIDField: field, timeout: timeout, http: http)
        }
    }

    /// The provider's name and where it sends, without secrets.
    public var description: String {
        switch self {
        case .log: "log"
        case .awsSNS(let endpoint, let region, _, _, _, _): "aws-sns \(endpoint) (region \(region))"
        case .twilio(let base, let sid, _, _, _): "twilio \(base) (account \(sid))"
        case .http(let url, let method, _, _, _, _, _):
            "http \(method) \(URLComponents(string: url).flatMap { $0.host } ?? "<invalid URL>")"
        }
    }

    private static func isHTTPURL(_ url: String, key: String, _ config: ConfigReader) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else {
            config.report(key, "expected an absolute http:// or https:// URL")
            return false
        }
        return true
    }
}
