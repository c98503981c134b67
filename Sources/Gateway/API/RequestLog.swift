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
            "durationMs": String(format: "%.2f", milliseconds),
            "bytes": String(entry.responseBodyBytes),
        ]
        if !entry.completedNormally { metadata["aborted"] = "true" }
        logger.info("request", metadata)
    }
}
