import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// The live event stream: `GET /events` as Server-Sent Events, resumable with
/// `Last-Event-ID` (or `?after=SEQ`), with heartbeats and a `types` filter; and
/// `GET /events/poll`, the same events as long-poll JSON for clients without SSE.
struct EventStreamRoutes {
    let feed: EventFeed
    let hub: EventStreamHub
    let authenticator: Authenticator
    let admission: StreamAdmission

    func register(in api: inout APIRouter) {
        let feed = self.feed
        let hub = self.hub
        let authenticator = self.authenticator
        let admission = self.admission
        api.get("/events", .stream) { request in
            let visibility = try await Self.visibility(request)
            let lease: StreamAdmission.Lease
            switch admission.admit(tenant: request.tenant.rawValue, principal: request.caller.principalName) {
            case .success(let admitted):
                lease = admitted
            case .failure(let refusal):
                switch refusal {
                case .caller(let limit):
                    throw APIProblem.tooManyStreams("This user or API key has \(limit) live streams open, the most allowed; close one first.")
                case .company(let limit):
                    throw APIProblem.tooManyStreams("The company has \(limit) live streams open, the most allowed; close one first.")
                }
            }
            let resume = request.http.headers["Last-Event-ID"] ?? request.http.queryValue("after")
            let after = try Self.position(resume, name: request.http.headers["Last-Event-ID"] != nil ? "Last-Event-ID" : "after", feed: feed) ?? feed.lastSeq
            let http = request.http
            let runtime = request.runtime
            let stillAllowed: @Sendable () async -> Bool = {
                guard let caller = try? await authenticator.caller(of: http) else { return false }
                guard let user = caller.user else { return true }
                return await runtime.read { $0.presence(of: user) != nil }
            }
            let client = EventStreamClient(hub: hub, visibility: visibility, after: after, lease: lease, stillAllowed: stillAllowed)
            return HTTPResponse(
                headers: ["Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"],
                preamble: client.preamble, subscriber: client)
        }
        api.get("/events/poll", .stream) { request in
            let visibility = try await Self.visibility(request)
            var cursor = try Self.position(request.http.queryValue("after"), name: "after", feed: feed) ?? feed.lastSeq
            let timeout = try Self.integer(request.http.queryValue("timeoutSeconds"), name: "timeoutSeconds", in: 0...60, default: 25)
            let limit = try Self.integer(request.http.queryValue("limit"), name: "limit", in: 1...1000, default: 100)
            let deadline = ContinuousClock.now + .seconds(timeout)
            var body = Data("{\"events\":[".utf8)
            var count = 0
            while !Task.isCancelled {
                let items: [EventFeed.Item]
                do {
                    items = try await feed.items(after: cursor, tenant: visibility.tenant, limit: 500)
                } catch {
                    throw APIProblem.storageUnavailable()
                }
                for item in items {
                    guard count < limit else { break }
                    cursor = item.event.seq
                    guard visibility.allows(item.event) else { continue }
                    if count > 0 { body.append(UInt8(ascii: ",")) }
                    body.append(item.json)
                    count += 1
                }
                if count > 0 || ContinuousClock.now >= deadline || feed.isClosed { break }
                if items.isEmpty { _ = await feed.wait(after: cursor) }
            }
            body.append(contentsOf: "],\"lastEventId\":\(cursor)}".utf8)
            return HTTPResponse(headers: ["Content-Type": "application/json", "Cache-Control": "no-cache"], body: body)
        }
    }

    private static func visibility(_ request: APIRequest) async throws(HTTPError) -> StreamVisibility {
        let types = (request.http.queryValue("types") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for type in types where !Self.isTypePattern(type) {
            throw APIProblem.invalidParameter("types", "\"\(type)\" is not an event type or a prefix.* pattern")
        }
        var role: UserRole?
        if let user = request.caller.user { role = await request.runtime.read { $0.role(of: user) } ?? .user }
        return StreamVisibility(tenant: request.tenant.rawValue, user: request.caller.user, role: role, types: types)
    }

    /// An event type (`call.incoming`) or a `prefix.*` pattern.
    private static func isTypePattern(_ text: String) -> Bool {
        let name = text.hasSuffix(".*") ? text.dropLast(2) : Substring(text)
        return !name.isEmpty && name.count <= 100 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }
    }

    /// The position `text` names, checked against the committed log, not the feed: the feed
    /// reads the log in the background, so a position the gateway has just returned (in an
    /// action's answer, say) may be ahead of it for a moment and is still valid. Only a
    /// position beyond the committed log is refused.
    static func position(_ text: String?, name: String, feed: EventFeed) throws(HTTPError) -> Int64? {
        guard let text else { return nil }
        guard let seq = Int64(text.trimmingCharacters(in: .whitespaces)), seq >= 0 else {
            throw APIProblem.invalidParameter(name, "must be an event id (a log seq) from this stream")
        }
        guard seq <= feed.committedSeq else {
            throw APIProblem.invalidParameter(name, "is ahead of the event log (its last event is \(feed.committedSeq))")
        }
        return seq
    }

    private static func integer(_ text: String?, name: String, in range: ClosedRange<Int>, default value: Int) throws(HTTPError) -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIProblem.invalidParameter(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
