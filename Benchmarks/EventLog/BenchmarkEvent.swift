import Foundation
import PluginKit

/// The events the benchmark appends: shaped like the engine's queue events, with ids that
/// sort in the order the events were made (as time-ordered ids such as UUIDv7 do), five
/// events per call.
enum BenchmarkEvent {
    static func make(_ index: Int) -> NewEvent {
        NewEvent(
            id: id(index), type: "queue.caller.joined", tenant: "tenant\(index % 4)",
            occurredAt: Date(), callId: callID(index), callSeq: Int64(index % 5 + 1), data: data(index))
    }

    static func id(_ index: Int) -> String { "evt-" + padded(index, 12) }

    static func callID(_ index: Int) -> String { "call-" + padded(index / 5, 10) }

    static func data(_ index: Int) -> [String: JSONValue] {
        ["queue": "support", "position": .integer(Int64(index % 7)), "waitMs": .integer(Int64(index % 90_000)), "caller": "+4791234567"]
    }

    static func dataText(_ index: Int) -> String { JSONValue.jsonText(of: data(index)) }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
