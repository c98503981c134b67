import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// The call log (LOG-1..3): `GET /calls?filter=all|missed|mine|direct&queue=&limit=&cursor=`,
/// newest first with cursor paging; `GET /calls/{call}`; `POST /calls/{call}/called-back`.
/// API keys see the log as an admin would with `filter=all`, every direct call included.
struct CallLogRoutes {
    /// A page of the log.
    struct Page: Encodable, Sendable {
        let calls: [CallLogEntryView]
        /// Pass as `cursor` for the next page; absent on the last page.
        let nextCursor: String?
    }

    static let defaultLimit = 50
    static let maxLimit = 200

    func register(in api: inout APIRouter) {
        api.cachedGet("/calls", .read) { request in
            let filter = try Self.filter(request.http.queryValue("filter"))
            let limit = try Self.limit(request.http.queryValue("limit"))
            let after = try request.http.queryValue("cursor").map(Self.decodeCursor)
            let queue = request.http.queryValue("queue").map { QueueID($0) }
            let viewer = request.caller.user
            let (page, more) = await request.runtime.readCallLog { log in
                let entries = log.entries(filter, for: viewer)
                var page: [CallLogEntry] = []
                for entry in entries {
                    if let queue, entry.queue != queue { continue }
                    if let after, (entry.startedAt.millisecondsSinceEpoch, entry.call.number) >= (after.0, after.1) { continue }
                    if page.count == limit { return (page, true) }
                    page.append(entry)
                }
                return (page, false)
            }
            let next = more ? page.last.map { Self.encodeCursor($0.startedAt.millisecondsSinceEpoch, $0.call.number) } : nil
            return try .json(Page(calls: page.map(CallLogEntryView.init), nextCursor: next))
        }
        api.get("/calls/:call", .read) { request in
            let call = try request.call()
            let viewer = request.caller.user
            let entry = await request.runtime.readCallLog { log -> CallLogEntry? in
                guard let entry = log[call] else { return nil }
                guard let viewer, entry.queue == nil else { return entry }
                return entry.user == viewer || entry.fromUser == viewer ? entry : nil
            }
            guard let entry else { throw APIProblem.notFound("No call \"\(call)\" in this company's log.") }
            return try .json(CallLogEntryView(entry))
        }
        api.post("/calls/:call/called-back", .user) { request in
            let call = try request.call()
            var body = try JSONBody(request.http, allowEmpty: true)
            try body.finish()
            return try .json(ActionResult(events: try await request.perform(.markCalledBack(call: call, by: try request.actingUser))))
        }
    }

    private static func filter(_ text: String?) throws(HTTPError) -> CallLogFilter {
        guard let text else { return .all }
        guard let filter = CallLogFilter(rawValue: text) else {
            throw APIProblem.invalidParameter("filter", "must be one of \(CallLogFilter.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return filter
    }

    private static func limit(_ text: String?) throws(HTTPError) -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maxLimit).contains(limit) else {
            throw APIProblem.invalidParameter("limit", "must be an integer from 1 to \(maxLimit)")
        }
        return limit
    }

    /// The cursor is the last entry's start and call number, opaque to clients.
    private static func encodeCursor(_ startedAt: Int64, _ call: UInt64) -> String {
        Data("\(startedAt).\(call)".utf8).base64EncodedString()
    }

    private static func decodeCursor(_ text: String) throws(HTTPError) -> (Int64, UInt64) {
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8) else {
            throw APIProblem.invalidParameter("cursor", "is not a cursor this API gave out")
        }
        let parts = plain.split(separator: ".")
        guard parts.count == 2, let startedAt = Int64(parts[0]), let call = UInt64(parts[1]) else {
            throw APIProblem.invalidParameter("cursor", "is not a cursor this API gave out")
        }
        return (startedAt, call)
    }
}
