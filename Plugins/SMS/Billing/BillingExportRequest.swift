public import Foundation

/// What a billing export (GW-6) covers and how it is written.
public struct BillingExportRequest: Sendable, Hashable {
    /// How the totals are grouped.
    public enum GroupBy: String, Sendable, Hashable, CaseIterable {
        /// Per company (the default).
        case tenant
        /// Per user.
        case user
        /// Per department.
        case department
        /// Per queue.
        case queue
        /// Per purpose (missed-call, colleague, caller, phone, login-code).
        case purpose

        /// The `sms_ledger` column.
        var column: String { self.rawValue }
    }

    /// The file format.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Comma-separated, decimal point (RFC 4180).
        case csv
        /// Semicolon-separated, decimal comma, for Norwegian spreadsheets.
        case csvNB = "csv-nb"
        /// One JSON object, amounts in integer øre.
        case json
    }

    /// The first instant included (charges by acceptance time).
    public var from: Date
    /// The first instant no longer included.
    public var to: Date
    /// Only this company, or every company.
    public var tenant: String?
    /// How totals are grouped.
    public var groupBy: GroupBy
    /// The format.
    public var format: Format

    /// Creates a request.
    public init(from: Date, to: Date, tenant: String? = nil, groupBy: GroupBy = .tenant, format: Format = .csv) {
        self.from = from
        self.to = to
        self.tenant = tenant
        self.groupBy = groupBy
        self.format = format
    }

    /// The day after `day` (a start of day in `zone`): the end of an inclusive range of days.
    public static func nextDay(_ day: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
    }

    /// The instant `day` (`YYYY-MM-DD`) starts in `zone`, or nil when it is not a date.
    public static func startOfDay(_ day: String, in zone: TimeZone) -> Date? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: date)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
