import Foundation
import HTTPServer
import PluginKit
import SMSPlugin
import Switchboard

/// SMS through the API (GW-3): `POST /sms/quote` (encoding, parts and price of a text),
/// `POST /sms` (to a colleague from the directory, DIR-2; to a caller from the call log,
/// LOG-3; to any number, PHONE-1), and `POST /sms/status/twilio/{instance}` for a
/// Twilio-compatible provider's signed status callbacks.
struct SMSRoutes {
    /// What a send answers: the ledger row, without the text or the full number.
    struct Sent: Encodable, Sendable {
        let id: Int64
        let status: String
        let purpose: String
        let recipient: String
        let encoding: String
        let segments: Int
        let netOre: Int
    }

    let services: SMSServiceDirectory
    let instances: [String: SMSService]

    func register(in api: inout APIRouter) {
        let services = self.services
        let instances = self.instances
        api.post("/sms/quote", .read) { request in
            var body = try JSONBody(request.http)
            let text = body.string("text", required: true, nonEmpty: false, maxLength: 10_000)
            try body.finish()
            guard let text else { throw APIProblem.validationFailed([]) }
            let quote: SMSQuote
            do throws(SMSQuoteError) {
                if let service = services.service(for: request.tenant) {
                    quote = try service.quote(text, tenant: request.tenant.rawValue)
                } else {
                    quote = try SMSQuote(text: text)
                }
            } catch {
                throw APIProblem.validationFailed([FieldIssue(field: "text", message: error.message)])
            }
            return try .json(quote)
        }
        api.post("/sms", .user) { request in
            let sender = try request.actingUser
            var body = try JSONBody(request.http)
            let target = body.object("to", required: true) { Self.target(&$0) }
            let text = body.string("text", required: true, maxLength: 2_000)
            try body.finish()
            guard let target, let text else { throw APIProblem.validationFailed([]) }
            guard let service = services.service(for: request.tenant) else {
                throw APIProblem.error(.serviceUnavailable, "sms-unavailable", "SMS is not configured", detail: "No [[plugins]] instance of kind sms serves this company.")
            }
            let (purpose, recipient, queue) = try await Self.resolve(target, request: request)
            let profile = await request.runtime.read { $0.presence(of: sender)?.user }
            let message = SMSTemplates.userMessage(text, senderName: profile?.name, language: profile?.language == .en ? .en : .nb)
            let requestID = request.http.headers["Idempotency-Key"].map { "api:\(request.tenant):\(request.caller.principalName):\($0)" }
                ?? "api:\(UUID().uuidString)"
            let row: SMSLedgerRecord
            do throws(SMSSendError) {
                row = try await service.send(SMSSendRequest(
                    requestID: requestID, tenant: request.tenant.rawValue, user: sender.rawValue, department: profile?.department,
                    queue: queue?.rawValue, purpose: purpose, recipient: recipient.e164, text: message, clientAddress: request.http.remoteAddress))
            } catch {
                throw Self.problem(error)
            }
            return try .json(
                Sent(
                    id: row.id, status: row.status.rawValue, purpose: row.purpose.rawValue, recipient: row.maskedRecipient,
                    encoding: row.encoding.rawValue, segments: row.segments, netOre: row.netOre),
                status: row.status == .reserved ? .accepted : .created)
        }
        api.anonymous(.post, "/sms/status/twilio/:instance") { http in
            guard let service = instances[http.parameters["instance"] ?? ""] else { throw APIProblem.forbidden("The X-Twilio-Signature does not match.") }
            let fields = FormEncoding.decode(String(decoding: http.body, as: UTF8.self))
            let url = "http://\(http.headers["Host"] ?? "localhost")\(http.path)"
            let verified: Bool
            do {
                verified = try await service.handleTwilioStatusCallback(url: url, fields: fields, signature: http.headers["X-Twilio-Signature"] ?? "")
            } catch {
                throw APIProblem.storageUnavailable("The status was not recorded; Twilio retries.")
            }
            guard verified else { throw APIProblem.forbidden("The X-Twilio-Signature does not match.") }
            return HTTPResponse(status: .noContent)
        }
    }

    /// Where an SMS goes: `{"user": id}` (a colleague, DIR-2), `{"call": id}` (the caller of a
    /// call in the log, LOG-3) or `{"number": "+47…"}` (PHONE-1); exactly one.
    enum Target: Sendable {
        case user(UserID)
        case call(CallID)
        case number(PhoneNumber)
    }

    private static func target(_ body: inout JSONBody) -> Target? {
        switch body.oneOf(["user", "call", "number"]) {
        case nil: return nil
        case "user": return body.identifier("user", as: UserID.self).map(Target.user)
        case "call":
            guard let text = body.string("call", maxLength: 40) else { return nil }
            guard let call = CallID(text) else {
                body.report("call", "must be a call id like call-12")
                return nil
            }
            return .call(call)
        default: return body.phoneNumber("number").map(Target.number)
        }
    }

    private static func resolve(_ target: Target, request: APIRequest) async throws(HTTPError) -> (SMSPurpose, PhoneNumber, QueueID?) {
        switch target {
        case .user(let id):
            guard let user = await request.runtime.read({ $0.presence(of: id)?.user }) else { throw APIProblem.notFound("No user \"\(id)\" in this company.") }
            guard let mobile = user.mobile else {
                throw APIProblem.error(.unprocessableContent, "no-mobile", "The colleague has no mobile number", detail: "DIR-2 offers SMS only to colleagues with a mobile number.")
            }
            return (.colleague, mobile, nil)
        case .call(let call):
            let viewer = request.caller.user
            let entry = await request.runtime.readCallLog { log -> CallLogEntry? in
                guard let entry = log[call], entry.queue != nil || entry.user == viewer || entry.fromUser == viewer else { return nil }
                return entry
            }
            guard let entry else { throw APIProblem.notFound("No call \"\(call)\" in this company's log.") }
            return (.caller, entry.from, entry.queue)
        case .number(let number):
            return (.phone, number, nil)
        }
    }

    private static func problem(_ error: SMSSendError) -> HTTPError {
        switch error.code {
        case .invalidText, .invalidRecipient:
            APIProblem.error(.unprocessableContent, "sms-invalid", "The SMS cannot be sent", detail: error.message)
        case .rateLimited:
            APIProblem.rateLimited(error.message, retryAfterSeconds: 60)
        case .spendCapReached:
            APIProblem.error(HTTPStatus(code: 402), "spend-cap-reached", "The monthly SMS spend cap is reached", detail: error.message)
        case .refused:
            APIProblem.error(.badGateway, "sms-refused", "The SMS provider refused the message", detail: error.message)
        default:
            APIProblem.error(.serviceUnavailable, "sms-unavailable", "SMS is unavailable", detail: error.message)
        }
    }
}
