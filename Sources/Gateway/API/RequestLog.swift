import Foundation
import HTTPServer
import PluginKit

/// Writes one `info` line per finished HTTP request: method, path (never the query, which may
/// carry personal data), status, duration and sizes.
struct RequestLog: Sendable {
    let logger: Logger

    func record(_ entry: HTTPAccessLogEntry) {
        guard logger.isEnabled(.info) else { return }
        let (seconds, attoseconds) = entry.duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        var metadata = [
            "method": entry.method.rawValue,
            "path": entry.path,
            "status": entry.status.map { String($0.code) } ?? "none",
            "durationMs": Self.twoDecimals(milliseconds),
            "bytes": String(entry.responseBodyBytes),
        ]
        if !entry.completedNormally { metadata["aborted"] = "true" }
        logger.info("request", metadata)
    }

    /// `value` (not negative) with two decimals, as `%.2f` writes it, without Foundation's slow
    /// `String(format:)`.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
