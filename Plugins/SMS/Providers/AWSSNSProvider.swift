public import PluginKit
import Foundation

/// AWS SNS `Publish` to a phone number (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html):
/// a form POST with `Action=Publish`, `PhoneNumber`, `Message` and the SMS attributes in the
/// body, signed with AWS Signature Version 4 by libcurl (`HTTPAuthentication.awsSigV4`).
/// The answer's `<MessageId>` is the provider message id. SNS has no idempotency token for
/// SMS, so a retried send may be delivered twice (the ledger still charges once).
public struct AWSSNSProvider: SMSProvider, CustomStringConvertible {
    /// `aws-sns`.
    public let name = "aws-sns"
    /// The SNS endpoint, e.g. `https://sns.eu-north-1.amazonaws.com/`.
    public let endpoint: String
    /// The AWS region the requests are signed for.
    public let region: String
    /// The access key id.
    public let accessKeyID: String
    /// The secret access key.
    public let secretAccessKey: Secret
    /// `AWS.SNS.SMS.SMSType`: `Transactional` (default) or `Promotional`.
    public let smsType: String
    /// The limit for one request.
    public let timeout: Duration
    /// Outbound HTTP.
    public let http: any HTTPTransport

    /// Creates a provider.
    public init(
        endpoint: String, region: String, accessKeyID: String, secretAccessKey: Secret, smsType: String = "Transactional",
        timeout: Duration = .seconds(10), http: any HTTPTransport
    ) {
        self.endpoint = endpoint
        self.region = region
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.smsType = smsType
        self.timeout = timeout
        self.http = http
    }

    /// Publishes `message`; see the type's documentation.
    public func send(_ message: SMSMessage, idempotencyKey: String) async throws(PluginError) -> SMSReceipt {
        var fields = [
            ("Action", "Publish"), ("Version", "2010-03-31"), ("PhoneNumber", message.recipient), ("Message", message.text),
            ("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType"),
            ("MessageAttributes.entry.1.Value.DataType", "String"),
            ("MessageAttributes.entry.1.Value.StringValue", smsType),
        ]
        if !message.sender.isEmpty {
            fields += [
                ("MessageAttributes.entry.2.Name", "AWS.SNS.SMS.SenderID"),
                ("MessageAttributes.entry.2.Value.DataType", "String"),
                ("MessageAttributes.entry.2.Value.StringValue", message.sender),
            ]
        }
        let request = HTTPClientRequest(
            method: .post, url: endpoint,
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Array(FormEncoding.encode(fields).utf8), timeout: timeout,
            authentication: .awsSigV4(
                accessKeyID: accessKeyID, secretAccessKey: secretAccessKey.reveal(), region: region, service: "sns"))
        let response: HTTPClientResponse
        do {
            response = try await http.send(request)
        } catch {
            throw ProviderAnswer.error(provider: name, transfer: error)
        }
        guard response.isSuccess else {
            let code = ProviderAnswer.xmlElement("Code", in: response.text) ?? ""
            let refusal = ProviderAnswer.error(
                provider: name, status: response.status, code: code,
                answer: ProviderAnswer.xmlElement("Message", in: response.text) ?? "", sent: message,
                secrets: [secretAccessKey.reveal()])
            // AWS answers throttling with 400 Throttling as well as 429.
            if code == "Throttling" || code == "ThrottlingException" {
                throw .rateLimited(retryAfter: nil, refusal.message)
            }
            throw refusal
        }
        guard let id = ProviderAnswer.xmlElement("MessageId", in: response.text), !id.isEmpty else {
            throw .transient("\(name) answered \(response.status) without a MessageId")
        }
        return SMSReceipt(providerMessageID: id, providerSegments: nil)
    }

    /// `aws-sns ENDPOINT-ORIGIN (region R)`: no credentials.
    public var description: String {
        let origin = URLComponents(string: endpoint).map { "\($0.scheme ?? "")://\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")" }
        return "\(name) \(origin ?? "<invalid URL>") (region \(region))"
    }
}
