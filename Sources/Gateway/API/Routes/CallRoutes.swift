import HTTPServer
import PluginKit
import Switchboard

/// Calls in progress: `POST /calls` (click-to-call a colleague, a number or a queue;
/// DIR-2, PHONE-1, Q-3), `GET /active-calls`, and the actions on a call: hold, resume,
/// hang up, the three transfers and transfer to a queue (DIR-3, Q-3), completing or
/// cancelling an assisted transfer.
struct CallRoutes {
    /// The calls in progress.
    struct ActiveCallList: Encodable, Sendable {
        let calls: [ActiveCallView]
    }

    /// A started call.
    struct Started: Encodable, Sendable {
        let callId: String?
        let events: [EventEnvelope]
    }

    func register(in api: inout APIRouter) {
        api.post("/calls", .user) { request in
            var body = try JSONBody(request.http)
            let target = body.object("target", required: true) { Self.dialTarget(&$0) }
            try body.finish()
            guard let target else { throw APIProblem.validationFailed([]) }
            let events = try await request.perform(.dial(target: target, by: try request.actingUser))
            return try .json(Started(callId: events.first { $0.callId != nil }?.callId, events: events), status: .created)
        }
        api.get("/active-calls", .read) { request in
            let calls = await request.runtime.read { $0.callSummaries() }
            return try .json(ActiveCallList(calls: calls.map(ActiveCallView.init)))
        }
        let simple: [(String, @Sendable (CallID, UserID) -> SwitchboardCommand)] = [
            ("hold", { .hold(call: $0, by: $1) }),
            ("resume", { .resume(call: $0, by: $1) }),
            ("hangup", { .hangUp(call: $0, by: $1) }),
            ("transfer/complete", { .completeTransfer(call: $0, by: $1) }),
            ("transfer/cancel", { .cancelTransfer(call: $0, by: $1) }),
        ]
        for (action, command) in simple {
            api.post("/calls/:call/\(action)", .user) { request in
                let call = try request.call()
                var body = try JSONBody(request.http, allowEmpty: true)
                try body.finish()
                return try .json(ActionResult(events: try await request.perform(command(call, try request.actingUser))))
            }
        }
        api.post("/calls/:call/transfer", .user) { request in
            let call = try request.call()
            var body = try JSONBody(request.http)
            let target = body.object("to", required: true) { Self.dialTarget(&$0) }
            let kind = body.choice("kind", as: TransferKind.self, required: true)
            try body.finish()
            guard let target, let kind else { throw APIProblem.validationFailed([]) }
            return try .json(ActionResult(events: try await request.perform(.transfer(call: call, to: target, kind: kind, by: try request.actingUser))))
        }
    }

    /// `{"user": ID}`, `{"queue": ID}` or `{"number": "+47…"}`: exactly one.
    static func dialTarget(_ body: inout JSONBody) -> DialTarget? {
        switch body.oneOf(["user", "queue", "number"]) {
        case nil: return nil
        case "user": return body.identifier("user", as: UserID.self).map(DialTarget.user)
        case "queue": return body.identifier("queue", as: QueueID.self).map(DialTarget.queue)
        default: return body.phoneNumber("number").map(DialTarget.number)
        }
    }
}
