import Foundation
import PluginKit

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

    /// The service of the instance serving each company.
    let services: SMSServiceDirectory

    /// The routes.
    var routes: [PluginRoute] {
        let services = self.services
        return [
            PluginRoute(.post, "/sms/quote", .read) { request in
                let scope = try request.company
                var body = try request.json()
                let text = body.string("text", required: true, nonEmpty: false, maxLength: 10_000)
                try body.finish()
                guard let text else { throw PluginProblem.validationFailed([]) }
                let quote: SMSQuote
                do throws(SMSQuoteError) {
                    if let service = services.service(for: scope.company) {
                        quote = try service.quote(text, tenant: scope.company)
                    } else {
                        quote = try SMSQuote(text: text)
                    }
                } catch {
                    throw PluginProblem.validationFailed([FieldIssue(field: "text", message: error.message)])
                }
                return try .json(quote)
            },
            PluginRoute(.post, "/sms", .user) { request in try await Self.send(request, services: services) },
            PluginRoute(.post, "/sms/status/twilio/:instance", .anonymous) { request in
                guard let service = services.instances[request.parameters["instance"] ?? ""] else {
                    throw PluginProblem.forbidden("The X-Twilio-Signature does not match.")
                }
                let fields = FormEncoding.decode(String(decoding: request.body, as: UTF8.self))
                let url = "http://\(request.headers["Host"] ?? "localhost")\(request.path)"
                let verified: Bool
                do {
                    verified = try await service.handleTwilioStatusCallback(url: url, fields: fields, signature: request.headers["X-Twilio-Signature"] ?? "")
                } catch {
                    throw PluginProblem.storageUnavailable("The status was not recorded; Twilio retries.")
                }
                guard verified else { throw PluginProblem.forbidden("The X-Twilio-Signature does not match.") }
                return .noContent
            },
        ]
    }

    private static func send(_ request: PluginRequest, services: SMSServiceDirectory) async throws -> PluginResponse {
        let scope = try request.company
        let sender = try scope.caller.actingUser
        var body = try request.json()
        let target = body.object("to", required: true) { Self.target(&$0, directory: scope.directory) }
        let text = body.string("text", required: true, maxLength: 2_000)
        try body.finish()
        guard let target, let text else { throw PluginProblem.validationFailed([]) }
        guard let service = services.service(for: scope.company) else {
            throw PluginProblem(
                statusCode: 503, name: "sms-unavailable", title: "SMS is not configured",
                detail: "No [[plugins]] instance of kind sms serves this company.")
        }
        let (purpose, recipient, queue) = try await Self.resolve(target, scope: scope)
        let profile = await scope.directory.user(sender)
        let message = SMSTemplates.userMessage(text, senderName: profile?.name, language: profile?.language == "en" ? .en : .nb)
        let requestID = request.headers["Idempotency-Key"].map { "api:\(scope.company):\(scope.caller.principal):\($0)" }
            ?? "api:\(UUID().uuidString)"
        let row: SMSLedgerRecord
        do throws(SMSSendError) {
            row = try await service.send(SMSSendRequest(
                requestID: requestID, tenant: scope.company, user: sender, department: profile?.department,
                queue: queue, purpose: purpose, recipient: recipient, text: message, clientAddress: request.remoteAddress))
        } catch {
            throw Self.problem(error)
        }
        return try .json(
            Sent(
                id: row.id, status: row.status.rawValue, purpose: row.purpose.rawValue, recipient: row.maskedRecipient,
                encoding: row.encoding.rawValue, segments: row.segments, netOre: row.netOre),
            statusCode: row.status == .reserved ? 202 : 201)
    }

    /// Where an SMS goes: `{"user": id}` (a colleague, DIR-2), `{"call": id}` (the caller of a
    /// call in the log, LOG-3) or `{"number": "+47…"}` (PHONE-1); exactly one.
    enum Target: Sendable {
        case user(String)
        case call(String)
        case number(String)
    }

    private static func target(_ body: inout JSONBody, directory: any CompanyDirectory) -> Target? {
        switch body.oneOf(["user", "call", "number"]) {
        case nil: return nil
        case "user": return body.identifier("user").map(Target.user)
        case "call":
            guard let text = body.string("call", maxLength: 40) else { return nil }
            guard text.hasPrefix("call-"), Int(text.dropFirst(5)).map({ $0 > 0 }) == true else {
                body.report("call", "must be a call id like call-12")
                return nil
            }
            return .call(text)
        default:
            guard let text = body.string("number") else { return nil }
            switch directory.phoneNumber(text) {
            case .success(let number): return .number(number)
            case .failure(let issue):
                body.report("number", "is not a phone number: \(issue.reason)")
                return nil
            }
        }
    }

    private static func resolve(_ target: Target, scope: CompanyScope) async throws(PluginProblem) -> (SMSPurpose, String, String?) {
        switch target {
        case .user(let id):
            guard let user = await scope.directory.user(id) else { throw PluginProblem.notFound("No user \"\(id)\" in this company.") }
            guard let mobile = user.mobile else {
                throw PluginProblem(
                    statusCode: 422, name: "no-mobile", title: "The colleague has no mobile number",
                    detail: "DIR-2 offers SMS only to colleagues with a mobile number.")
            }
            return (.colleague, mobile, nil)
        case .call(let call):
            guard let entry = await scope.directory.call(call, visibleTo: scope.caller.user) else {
                throw PluginProblem.notFound("No call \"\(call)\" in this company's log.")
            }
            return (.caller, entry.from, entry.queue)
        case .number(let number):
            return (.phone, number, nil)
        }
    }

    private static func problem(_ error: SMSSendError) -> PluginProblem {
        switch error.code {
        case .invalidText, .invalidRecipient:
            PluginProblem(statusCode: 422, name: "sms-invalid", title: "The SMS cannot be sent", detail: error.message)
        case .rateLimited:
            PluginProblem.rateLimited(error.message, retryAfterSeconds: 60)
        case .spendCapReached:
            PluginProblem(statusCode: 402, name: "spend-cap-reached", title: "The monthly SMS spend cap is reached", detail: error.message)
        case .refused:
            PluginProblem(statusCode: 502, name: "sms-refused", title: "The SMS provider refused the message", detail: error.message)
        default:
            PluginProblem(statusCode: 503, name: "sms-unavailable", title: "SMS is unavailable", detail: error.message)
        }
    }
}
