import Foundation
import PluginKit

/// `sentralbord billing export --from DATE --to DATE [--tenant ID] [--group-by …] --format …
/// [--output FILE] [--config PATH]`: the SMS ledger's charges for a period (GW-6), with totals;
/// docs/billing.md documents the columns. Dates are days (`YYYY-MM-DD`) in the SMS instance's
/// time zone (Europe/Oslo by default); `--to` is included. Progress goes to stderr.
struct BillingExportCommand {
    /// The command as the CLI lists it.
    static let command = PluginCommand(interface) { arguments, context throws(UsageError) in
        try await BillingExportCommand(arguments: arguments).run(context)
    }

    static let interface = CommandInterface(
        path: ["billing", "export"],
        summary: "Export the SMS billing ledger for a period as CSV, Norwegian CSV or JSON, with VAT and totals.",
        options: [
            .init("from", valueName: "DATE", help: "The first day (YYYY-MM-DD), included."),
            .init("to", valueName: "DATE", help: "The last day (YYYY-MM-DD), included."),
            .init("tenant", valueName: "ID", help: "Only this company (default: every company)."),
            .init("group-by", valueName: "FIELD", help: "Totals per tenant (default), user, department, queue or purpose."),
            .init("format", valueName: "FORMAT", help: "csv, csv-nb (semicolons, decimal comma) or json."),
            .init("output", valueName: "FILE", help: "Write to FILE instead of standard output."),
            CommandInterface.configOption,
        ])

    let from: String
    let to: String
    let tenant: String?
    let groupBy: BillingExportRequest.GroupBy
    let format: BillingExportRequest.Format
    let output: String?
    let configPath: String?

    init(arguments: ParsedArguments) throws(UsageError) {
        guard let from = arguments.option("from"), let to = arguments.option("to") else {
            throw UsageError("--from and --to are required", usage: Self.interface.usage)
        }
        for (name, value) in [("from", from), ("to", to)] where BillingExportRequest.startOfDay(value, in: .gmt) == nil {
            throw UsageError("--\(name) must be a date YYYY-MM-DD, not '\(value)'", usage: Self.interface.usage)
        }
        guard from <= to else { throw UsageError("--from \(from) is after --to \(to)", usage: Self.interface.usage) }
        self.from = from
        self.to = to
        tenant = arguments.option("tenant")
        let groupName = arguments.option("group-by") ?? "tenant"
        guard let groupBy = BillingExportRequest.GroupBy(rawValue: groupName) else {
            throw UsageError("--group-by must be one of tenant, user, department, queue, purpose, not '\(groupName)'", usage: Self.interface.usage)
        }
        self.groupBy = groupBy
        guard let formatName = arguments.option("format") else {
            throw UsageError("--format is required: csv, csv-nb or json", usage: Self.interface.usage)
        }
        guard let format = BillingExportRequest.Format(rawValue: formatName) else {
            throw UsageError("--format must be csv, csv-nb or json, not '\(formatName)'", usage: Self.interface.usage)
        }
        self.format = format
        output = arguments.option("output")
        configPath = arguments.option("config")
    }

    func run(_ context: PluginCommandContext) async -> ExitCode {
        let console = context.console
        let instances: [SMSPlugin]
        let database: any PluginDatabase
        do throws(CommandExit) {
            instances = try await context.instances(configPath ?? "config.toml").compactMap { $0 as? SMSPlugin }
            database = try await context.database(configPath)
        } catch {
            return error.code
        }
        let zone = instances.first?.settings.timeZone ?? TimeZone(identifier: "Europe/Oslo") ?? .gmt
        guard let start = BillingExportRequest.startOfDay(from, in: zone), let lastDay = BillingExportRequest.startOfDay(to, in: zone) else {
            console.err("sentralbord billing export: the dates do not exist in \(zone.identifier)\n")
            return .usage
        }
        let request = BillingExportRequest(from: start, to: BillingExportRequest.nextDay(lastDay, in: zone), tenant: tenant, groupBy: groupBy, format: format)
        let write: @Sendable ([UInt8]) throws -> Void
        let file: FileHandle?
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                console.err("sentralbord billing export: cannot write \(output)\n")
                return .failure
            }
            file = handle
            write = { bytes in try handle.write(contentsOf: bytes) }
        } else {
            file = nil
            write = { bytes in console.out(String(decoding: bytes, as: UTF8.self)) }
        }
        defer { try? file?.close() }
        do {
            let totals = try await BillingExporter(database: database).export(request, write: write) { done, all in
                console.err("billing export: \(done) of \(all) rows\n")
            }
            let total = totals.total
            console.err(
                "billing export: \(total.messages) SMS, \(total.segments) segments, net \(BillingAmount.kroner(total.netOre)) + VAT \(BillingAmount.kroner(total.vatOre)) = \(BillingAmount.kroner(total.grossOre)) NOK\n")
            return .success
        } catch {
            console.err("sentralbord billing export: \(error)\n")
            return .failure
        }
    }
}
