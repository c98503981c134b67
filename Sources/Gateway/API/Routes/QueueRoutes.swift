import HTTPServer
import PluginKit
import Switchboard

/// Queues: `GET /queues` (Q-1, Q-4; `?mine=true` for the caller's own), `GET /queues/{queue}`,
/// `POST /queues/{queue}/login` and `/logout`, `GET /waiting-calls` (WAIT-1) and
/// `POST /waiting-calls/{call}/pickup` (WAIT-3).
struct QueueRoutes {
    /// Every queue.
    struct QueueList: Encodable, Sendable {
        let queues: [QueueView]
    }

    /// Every waiting caller, longest wait first.
    struct WaitingList: Encodable, Sendable {
        let calls: [WaitingCallView]
    }

    func register(in api: inout APIRouter) {
        api.cachedGet("/queues", .read) { request in
            let mine: Bool
            switch request.http.queryValue("mine") {
            case nil, "false": mine = false
            case "true": mine = true
            default: throw APIProblem.invalidParameter("mine", "must be true or false")
            }
            let user = request.caller.user
            if mine, user == nil { throw APIProblem.invalidParameter("mine", "only a logged-in user has queues of their own") }
            let queues = await request.runtime.read { state in
                state.directory.queues.compactMap { queue -> QueueView? in
                    guard let status = state.status(of: queue.id) else { return nil }
                    if mine, !status.queue.members.contains(where: { $0.user == user }) { return nil }
                    return QueueView(status)
                }
            }
            return try .json(QueueList(queues: queues))
        }
        api.get("/queues/:queue", .read) { request in
            let id = try await request.queue()
            guard let status = await request.runtime.read({ $0.status(of: id) }) else { throw APIProblem.notFound("No queue \"\(id)\" in this company.") }
            return try .json(QueueView(status))
        }
        for (action, loggingIn) in [("login", true), ("logout", false)] {
            api.post("/queues/:queue/\(action)", .user) { request in
                let queue = try await request.queue()
                var body = try JSONBody(request.http, allowEmpty: true)
                let target = body.identifier("user", as: UserID.self)
                try body.finish()
                let acting = try request.actingUser
                let user = target ?? acting
                guard await request.runtime.read({ $0.presence(of: user) != nil }) else {
                    throw APIProblem.validationFailed([FieldIssue(field: "user", message: "is not a user of this company")])
                }
                let command: SwitchboardCommand = loggingIn
                    ? .logIn(user: user, queue: queue, by: acting) : .logOut(user: user, queue: queue, by: acting)
                return try .json(ActionResult(events: try await request.perform(command)))
            }
        }
        api.get("/waiting-calls", .read) { request in
            let calls = await request.runtime.read { $0.waitingCalls() }
            return try .json(WaitingList(calls: calls.map(WaitingCallView.init)))
        }
        api.post("/waiting-calls/:call/pickup", .user) { request in
            let call = try request.call()
            return try .json(ActionResult(events: try await request.perform(.pickUp(call: call, by: try request.actingUser))))
        }
    }
}
