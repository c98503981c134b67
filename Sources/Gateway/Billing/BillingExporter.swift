import Foundation
import PluginKit
import SMSPlugin
public import Storage

/// Writes the SMS ledger's charged rows (GW-6) for a period as CSV, Norwegian CSV or JSON:
/// one detail row per charged SMS, then the totals per group and overall, with net, VAT (25 %)
/// and gross. docs/billing.md documents the columns.
///
/// Amounts are integer øre throughout; CSV shows them as kroner with two decimals (a decimal
/// comma in `csv-nb`), JSON as integers. A row's VAT is rounded per row; a total's VAT is
/// computed on the total's net, so it can differ from the sum of the rows' VAT by rounding.
/// The rows are streamed in chunks from one read transaction, so memory stays flat.
public struct BillingExporter: Sendable {
    private let database: DatabaseQueue

    /// Reads from `database` (migrated by whoever opened it, e.g. `GatewayStorage`).
    public init(database: DatabaseQueue) { self.database = database }

    /// Writes the export of `request` to `write` in chunks of about 1 MB, calling `progress`
    /// with (rows written, rows in all) every 100,000 rows; returns the totals.
    public func export(
        _ request: BillingExportRequest, write: @escaping @Sendable ([UInt8]) throws -> Void,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> BillingTotals {
        try await database.access { database in
            try database.transaction {
                try Self.run(request, database: database, write: write, progress: progress)
            }
        }
    }

    private static func run(
        _ request: BillingExportRequest, database: SQLiteDatabase, write: ([UInt8]) throws -> Void, progress: (Int, Int) -> Void
    ) throws -> BillingTotals {
        var condition = "\(SMSLedgerCondition.charged) AND accepted_at >= ? AND accepted_at < ?"
        var values: [SQLiteValue] = [.integer(request.from.millisecondsSince1970), .integer(request.to.millisecondsSince1970)]
        if let tenant = request.tenant {
            condition += " AND tenant = ?"
            values.append(.text(tenant))
        }
        let count = try database.prepare("SELECT count(*) FROM sms_ledger WHERE \(condition)")
        try count.bind(values)
        let rowCount = try count.step() ? Int(count.int64(at: 0)) : 0

        let select = try database.prepare(
            """
            SELECT id, accepted_at, tenant, user, department, queue, purpose, recipient_masked, encoding, segments,
                provider_segments, segment_mismatch, unit_price_ore, net_ore, status, provider, provider_message_id
            FROM sms_ledger WHERE \(condition) ORDER BY accepted_at, id
            """)
        try select.bind(values)
        let groupColumn: Int32 = switch request.groupBy {
        case .tenant: 2
        case .user: 3
        case .department: 4
        case .queue: 5
        case .purpose: 6
        }

        var out = BillingOutput(format: request.format)
        out.header(request: request)
        var groups: [String: BillingTotals.Line] = [:]
        var total = BillingTotals.Line(group: "")
        var written = 0
        while try select.step() {
            let segments = Int(select.int64(at: 9))
            let net = Int(select.int64(at: 13))
            out.row(select, netOre: net)
            let key = select.string(at: groupColumn) ?? ""
            groups[key, default: BillingTotals.Line(group: key)].messages += 1
            groups[key]?.segments += segments
            groups[key]?.netOre += net
            total.messages += 1
            total.segments += segments
            total.netOre += net
            written += 1
            if out.bytes.count >= 1 << 20 {
                try write(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
            if written % 100_000 == 0 { progress(written, rowCount) }
        }
        let totals = BillingTotals(groups: groups.values.sorted { $0.group < $1.group }, total: total)
        out.footer(totals, groupBy: request.groupBy)
        try write(out.bytes)
        return totals
    }
}
