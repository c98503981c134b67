import Foundation
import PluginKit

/// One billing export being written, a chunk at a time: the header, the charged rows of the
/// request in order of acceptance (`accepted_at`, then id), then the totals of the rows written.
///
/// Each chunk is one query continuing after the last row written, through the index of charged
/// rows (`sms_ledger_charged`), so between chunks the export holds nothing of the database.
/// Chunks read in one transaction (``BillingExporter/export(_:write:progress:)``) see one
/// state of the ledger; chunks read one by one (``BillingExportBody``, as an HTTP client takes
/// them) each see the latest, and still write every row once and totals that match the rows: a
/// row's acceptance time never changes. Only a row accepted in the export's period while the
/// export runs, with a time before the last row already written, is left to the next export.
struct BillingExport: Sendable {
    let request: BillingExportRequest
    /// The size at which a chunk is ended after its current row.
    let chunkBytes: Int
    private var output: BillingOutput
    private var groups: [String: BillingTotals.Line] = [:]
    private var total = BillingTotals.Line(group: "")
    private var lastAcceptedAt: Int64
    private var lastID: Int64 = 0
    private var started = false
    private var finished = false
    /// The rows written so far.
    private(set) var rowsWritten = 0

    /// An export of `request` in chunks of about `chunkBytes`.
    init(request: BillingExportRequest, chunkBytes: Int) {
        self.request = request
        self.chunkBytes = chunkBytes
        output = BillingOutput(format: request.format, capacity: chunkBytes + 4096)
        lastAcceptedAt = request.from.millisecondsSince1970
    }

    /// The totals of the rows written so far: of the whole export once ``next(from:)`` has
    /// returned nil.
    var totals: BillingTotals {
        BillingTotals(groups: groups.values.sorted { $0.group < $1.group }, total: total)
    }

    /// How many rows the export of `request` has in `database` now.
    static func count(_ request: BillingExportRequest, in database: any DatabaseReader) throws -> Int {
        var condition = "\(SMSLedgerCondition.charged) AND accepted_at >= ? AND accepted_at < ?"
        var values: [DatabaseValue] = [.integer(request.from.millisecondsSince1970), .integer(request.to.millisecondsSince1970)]
        if let tenant = request.tenant {
            condition += " AND tenant = ?"
            values.append(.text(tenant))
        }
        return try database.row("SELECT count(*) AS rows FROM sms_ledger WHERE \(condition)", values)?.get("rows") ?? 0
    }

    /// The next chunk: the header with the first, then rows until the chunk reaches
    /// ``chunkBytes``, and the totals after the last row. Nil once the totals were returned.
    mutating func next(from database: any DatabaseReader) throws -> [UInt8]? {
        guard !finished else { return nil }
        if !started {
            output.header(request: request)
            started = true
        }
        // The index's condition verbatim, and INDEXED BY: the rows come in index order, so no
        // chunk sorts the period again (with a tenant, SQLite would otherwise pick the tenant
        // index and sort all of the company's rows for every chunk).
        var condition = """
            \(SMSLedgerCondition.charged) AND accepted_at < ? AND accepted_at >= ? AND (accepted_at > ? OR id > ?)
            """
        var values: [DatabaseValue] = [
            .integer(request.to.millisecondsSince1970), .integer(lastAcceptedAt), .integer(lastAcceptedAt), .integer(lastID),
        ]
        if let tenant = request.tenant {
            condition += " AND tenant = ?"
            values.append(.text(tenant))
        }
        var exhausted = true
        var positions: (columns: DatabaseColumns, indexes: [Int])?
        try database.forEachRow(
            "SELECT \(ChargedRow.columns) FROM sms_ledger INDEXED BY sms_ledger_charged WHERE \(condition) ORDER BY accepted_at, id",
            values
        ) { fields in
            if positions?.columns !== fields.columns { positions = (fields.columns, try fields.columns.positions(of: ChargedRow.names)) }
            let row = try ChargedRow(fields, at: positions?.indexes ?? [])
            output.row(row)
            let key = row.group(by: request.groupBy)
            groups[key, default: BillingTotals.Line(group: key)].messages += 1
            groups[key]?.segments += row.segments
            groups[key]?.netOre += row.netOre
            total.messages += 1
            total.segments += row.segments
            total.netOre += row.netOre
            lastAcceptedAt = row.acceptedAt
            lastID = row.id
            rowsWritten += 1
            guard output.bytes.count < chunkBytes else {
                exhausted = false
                return false
            }
            return true
        }
        if exhausted {
            output.footer(totals, groupBy: request.groupBy)
            finished = true
        }
        return output.take()
    }
}
