public import PluginKit
import Foundation

/// A generic HTTP SMS gateway (enough for Norwegian gateways such as Sveve): one request per
/// message to `url` with `method`, the body made from `bodyTemplate`, and any 2xx answer
/// meaning accepted.
///
/// Placeholders in the template and in `url`: `{to}` (E.164), `{to_digits}` (without `+`),
/// `{from}`, `{text}`, `{key}` (the idempotency key). Each value is escaped for where it
/// goes: percent-encoded in the URL and in a form body, a JSON string's contents in a JSON
/// body (`contentType` containing `json`). `messageIDField` names a top-level field of a JSON
/// answer holding the provider's message id; without it (or without that field) a local id
/// derived from the idempotency key stands in (``localMessageID(for:)``: the key holds the
/// recipient's number, and the id goes into billing exports).
public struct HTTPTemplateProvider: SMSProvider, CustomStringConvertible {
    /// `http`.
    public let name = "http"
    /// The request URL, with placeholders.
    public let url: String
    /// The request method.
    public let method: HTTPMethod
    /// The body with placeholders; nil sends none (e.g. a GET with the values in the URL).
    public let bodyTemplate: String?
    /// The body's content type.
    public let contentType: String
    /// A secret sent as the `Authorization` header, when the gateway wants one.
    public let authorization: Secret?
    /// The JSON answer's field holding the message id.
    public let messageIDField: String?
    /// The limit for one request.
    public let timeout: Duration
    /// Outbound HTTP.
    public let http: any HTTPTransport

    /// Creates a provider.
    public init(
        url: String, method: HTTPMethod = .post, bodyTemplate: String?,
        contentType: String = "application/x-www-form-urlencoded", authorization: Secret? = nil,
        messageIDField: String? = nil, timeout: Duration = .seconds(10), http: any HTTPTransport
    ) {
        self.url = url
        self.method = method
        self.bodyTemplate = bodyTemplate
        self.contentType = contentType
        self.authorization = authorization
        self.messageIDField = messageIDField
        self.timeout = timeout
        self.http = http
    }

    /// Sends `message`; see the type's documentation.
    public func send(_ message: SMSMessage, idempotencyKey: String) async throws(PluginError) -> SMSReceipt {
        let values = [
            "to": message.recipient, "to_digits": message.recipient.filter(\.isNumber), "from": message.sender,
            "text": message.text, "key": idempotencyKey,
        ]
        var headers: HTTPHeaders = [:]
        var body: [UInt8]?
        if let bodyTemplate {
            let isJSON = contentType.lowercased().contains("json")
            let filled = Self.fill(bodyTemplate, values) { value in isJSON ? Self.jsonEscape(value) : FormEncoding.percentEncode(value) }
            body = Array(filled.utf8)
            headers.add(name: "Content-Type", value: contentType)
        }
        if let authorization { headers.add(name: "Authorization", value: authorization.reveal()) }
        let request = HTTPClientRequest(
            method: method, url: Self.fill(url, values) { FormEncoding.percentEncode($0) }, headers: headers, body: body,
            timeout: timeout)
        let response: HTTPClientResponse
        do {
            response = try await http.send(request)
        } catch {
            throw ProviderAnswer.error(provider: name, transfer: error)
        }
        guard response.isSuccess else {
            throw ProviderAnswer.error(
                provider: name, status: response.status, answer: response.text, sent: message,
                secrets: authorization.map { [$0.reveal()] } ?? [])
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        let id = messageIDField.flatMap { object?[$0] }.map { "\($0)" }
        return SMSReceipt(providerMessageID: id ?? Self.localMessageID(for: idempotencyKey), providerSegments: nil)
    }

    /// `local-` and 24 hex digits of the key's SHA-256: stable for a retried send, and
    /// identifying no one.
    static func localMessageID(for idempotencyKey: String) -> String {
        guard let digest = try? SHA256.digest(idempotencyKey) else { return "local" }
        return "local-" + Hex.encode(Array(digest.prefix(12)))
    }

    /// `template` with each `{name}` of `values` replaced by its escaped value, in one pass
    /// (a value containing `{…}` is not expanded again); other braces stay as written.
    static func fill(_ template: String, _ values: [String: String], escape: (String) -> String) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
                result += escape(value)
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// `text` as the contents of a JSON string (without the quotes).
    static func jsonEscape(_ text: String) -> String {
        guard let data = try? JSONEncoder().encode(text) else { return "" }
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// `http METHOD ORIGIN`: the URL's path and query may hold a token, so only the origin shows.
    public var description: String {
        let origin = URLComponents(string: url).map { "\($0.scheme ?? "")://\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")" }
        return "\(name) \(method) \(origin ?? "<invalid URL>")"
    }
}
