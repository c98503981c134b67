import Foundation
import Gateway
import PluginKit

/// `sentralbord plugins status [--config PATH] [--json]`: per configured plugin instance,
/// its lag behind the log, deliveries, the event being retried, dead letters and breaker.
/// Reads the database, so it works beside a running gateway and when none runs.
struct PluginsStatusCommand: Command {
    static let interface = CommandInterface(
        path: ["plugins", "status"],
        summary: "Show each plugin instance's lag, deliveries, retries, dead letters and breaker.",
        options: [CommandInterface.configOption],
        flags: [.init("json", help: "Print one JSON object per instance, one per line.")])

    let configPath: String
    let json: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        configPath = arguments.option("config") ?? "config.toml"
        json = arguments.flag("json")
    }

    func run(console: Console) async -> ExitCode {
        let configuration: GatewayConfiguration
        let storage: GatewayStorage
        switch await openGateway(configPath: configPath, console: console) {
        case .success(let opened): (configuration, storage) = opened
        case .failure(let exit): return exit.code
        }
        let store = storage.pluginDeliveryStore
        do {
            let last = try await store.lastSeq()
            var rows: [[String]] = [["INSTANCE", "KIND", "LAG", "DELIVERED", "SKIPPED", "RETRYING", "DEAD", "BREAKER"]]
            for instance in configuration.plugins {
                let status = try await store.status(of: instance.name) ?? PluginInstanceStatus(instance: instance.name, kind: instance.kind)
                let dead = try await store.deadLetters(of: instance.name).count
                let lag = max(0, last - status.cursor)
                if json {
                    console.out(Self.jsonLine(status, lag: lag, deadLetters: dead) + "\n")
                    continue
                }
                let retrying = status.retrying.map { "seq \($0.seq) ×\($0.attempts): \($0.lastError)" } ?? "-"
                rows.append([
                    instance.name, instance.kind, String(lag), String(status.delivered), String(status.skipped),
                    retrying, String(dead), status.breaker,
                ])
            }
            if !json { console.out(Self.table(rows)) }
            if configuration.plugins.isEmpty, !json { console.err("no [[plugins]] in \(configPath)\n") }
            return .success
        } catch {
            console.err("cannot read plugin status: \(error)\n")
            return .failure
        }
    }

    private static func jsonLine(_ status: PluginInstanceStatus, lag: Int64, deadLetters: Int) -> String {
        var object: [String: JSONValue] = [
            "instance": .string(status.instance), "kind": .string(status.kind), "lag": .integer(lag),
            "cursor": .integer(status.cursor), "delivered": .integer(status.delivered), "skipped": .integer(status.skipped),
            "deadLetters": .integer(Int64(deadLetters)), "breaker": .string(status.breaker),
        ]
        if let retry = status.retrying {
            object["retrying"] = .object([
                "seq": .integer(retry.seq), "eventId": .string(retry.eventId), "attempts": .integer(Int64(retry.attempts)),
                "lastError": .string(retry.lastError), "nextAttemptAt": .string(RFC3339.string(from: retry.nextAttemptAt)),
            ])
        }
        return JSONValue.jsonText(of: object)
    }

    private static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
