public import PluginKit

/// Writes the SMS ledger's charged rows (GW-6) for a period as CSV, Norwegian CSV or JSON:
/// one detail row per charged SMS, then the totals per group and overall, with net, VAT (25 %)
/// and gross. docs/billing.md documents the columns.
///
/// Amounts are integer øre throughout; CSV shows them as kroner with two decimals (a decimal
/// comma in `csv-nb`), JSON as integers. A row's VAT is rounded per row; a total's VAT is
/// computed on the total's net, so it can differ from the sum of the rows' VAT by rounding.
/// The rows are read in chunks of about 1 MB (``BillingExport``) in one read transaction, so
/// memory stays flat. The API streams the same bytes with ``BillingExportStream``.
public struct BillingExporter: Sendable {
    private let database: any PluginDatabase

    /// Reads from the SMS plugin's tables in `database`.
    public init(database: any PluginDatabase) { self.database = database }

    /// Writes the export of `request` to `write` in chunks of about 1 MB, calling `progress`
    /// with (rows written, rows in all) after each 100,000 rows or so; returns the totals.
    public func export(
        _ request: BillingExportRequest, write: @escaping @Sendable ([UInt8]) throws -> Void,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> BillingTotals {
        try await database.read { database in
            let rowCount = try BillingExport.count(request, in: database)
            var export = BillingExport(request: request, chunkBytes: 1 << 20)
            var reported = 0
            while let chunk = try export.next(from: database) {
                try write(chunk)
                if export.rowsWritten / 100_000 > reported {
                    reported = export.rowsWritten / 100_000
                    progress(export.rowsWritten, rowCount)
                }
            }
            return export.totals
        }
    }
}
