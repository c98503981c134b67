import Foundation
import HTTPServer
import PluginKit
import SMSPlugin
import Storage
import Switchboard

/// GW-6 for a company's admins: `GET /admin/billing?from=DATE&to=DATE&groupBy=…&format=…`, the
/// company's SMS charges with VAT, as `sentralbord billing export` writes them (docs/billing.md).
/// Dates are days in the time zone of the company's SMS instance (`time_zone`, as the CLI
/// uses; Europe/Oslo without one); `to` is inclusive. The file is streamed as the client
/// reads it (``BillingExportBody``).
struct BillingRoutes {
    let database: DatabaseQueue
    let sms: SMSServiceDirectory

    func register(in api: inout APIRouter) {
        let database = self.database
        let sms = self.sms
        api.get("/admin/billing", .admin) { request in
            let zone = sms.service(for: request.tenant)?.settings.timeZone ?? TimeZone(identifier: "Europe/Oslo") ?? .gmt
            var issues: [FieldIssue] = []
            func day(_ name: String) -> Date? {
                guard let text = request.http.queryValue(name) else {
                    issues.append(FieldIssue(field: name, message: "is required (YYYY-MM-DD)"))
                    return nil
                }
                guard let date = BillingExportRequest.startOfDay(text, in: zone) else {
                    issues.append(FieldIssue(field: name, message: "must be a date YYYY-MM-DD"))
                    return nil
                }
                return date
            }
            func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _ fallback: Choice) -> Choice where Choice.RawValue == String {
                guard let text = request.http.queryValue(name) else { return fallback }
                guard let value = Choice(rawValue: text) else {
                    issues.append(FieldIssue(field: name, message: "must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))"))
                    return fallback
                }
                return value
            }
            let from = day("from")
            let to = day("to")
            let groupBy = choice("groupBy", BillingExportRequest.GroupBy.user)
            let format = choice("format", BillingExportRequest.Format.json)
            if let from, let to, to < from { issues.append(FieldIssue(field: "to", message: "must not be before from")) }
            guard issues.isEmpty, let from, let to else {
                throw APIProblem.error(
                    .badRequest, "invalid-parameter", "A query parameter is invalid",
                    detail: issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "), extensions: ["errors": issues])
            }
            let end = BillingExportRequest.nextDay(to, in: zone)
            let body: BillingExportBody
            do {
                body = try await BillingExportBody.open(
                    BillingExportRequest(from: from, to: end, tenant: request.tenant.rawValue, groupBy: groupBy, format: format),
                    database: database)
            } catch {
                throw APIProblem.storageUnavailable()
            }
            let contentType = format == .json ? "application/json" : "text/csv; charset=utf-8"
            return HTTPResponse(headers: ["Content-Type": contentType], producer: body)
        }
    }
}
