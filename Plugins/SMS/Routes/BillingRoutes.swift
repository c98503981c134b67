import Foundation
import PluginKit

/// GW-6 for a company's admins: `GET /admin/billing?from=DATE&to=DATE&groupBy=…&format=…`, the
/// company's SMS charges with VAT, as `sentralbord billing export` writes them (docs/billing.md).
/// Dates are days in the time zone of the company's SMS instance (`time_zone`, as the CLI
/// uses; Europe/Oslo without one); `to` is inclusive. The file is streamed as the client
/// reads it (``BillingExportStream``).
struct BillingRoutes {
    /// The service of the instance serving each company.
    let services: SMSServiceDirectory

    /// The route.
    var routes: [PluginRoute] {
        let services = self.services
        return [
            PluginRoute(.get, "/admin/billing", .admin) { request in
                let scope = try request.company
                guard let database = scope.database else { throw PluginProblem.storageUnavailable() }
                let zone = services.service(for: scope.company)?.settings.timeZone ?? TimeZone(identifier: "Europe/Oslo") ?? .gmt
                var issues: [FieldIssue] = []
                func day(_ name: String) -> Date? {
                    guard let text = request.queryValue(name) else {
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
                    guard let text = request.queryValue(name) else { return fallback }
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
                guard issues.isEmpty, let from, let to else { throw PluginProblem.invalidParameters(issues) }
                let end = BillingExportRequest.nextDay(to, in: zone)
                let stream: BillingExportStream
                do {
                    stream = try await BillingExportStream.open(
                        BillingExportRequest(from: from, to: end, tenant: scope.company, groupBy: groupBy, format: format),
                        database: database)
                } catch {
                    throw PluginProblem.storageUnavailable()
                }
                let contentType = format == .json ? "application/json" : "text/csv; charset=utf-8"
                return PluginResponse(headers: ["Content-Type": contentType], body: .stream(stream))
            },
        ]
    }
}
