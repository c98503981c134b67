import Foundation
import HTTPServer
import PluginKit
import Storage
import Switchboard

/// Admins manage the company's directory: `POST /admin/users`, `PATCH`/`DELETE
/// /admin/users/{user}`, `POST /admin/queues`, `PATCH`/`DELETE /admin/queues/{queue}`,
/// `PUT`/`DELETE /admin/queues/{queue}/members/{user}`. Each change is one journaled engine
/// command (it survives restarts); the engine checks it against the whole directory.
/// Removing a user ends their sessions and drops their picture; creating a user first ends
/// any sessions and picture left under that id, so a new user never inherits an old one's.
struct DirectoryAdminRoutes {
    let authenticator: Authenticator
    let pictures: ProfilePictureTable

    func register(in api: inout APIRouter) {
        let authenticator = self.authenticator
        let pictures = self.pictures
        api.post("/admin/users", .admin) { request in
            var body = try JSONBody(request.http)
            let id = body.identifier("id", as: UserID.self, required: true)
            var user = User(id: id ?? UserID("x"), name: "")
            Self.applyProfile(&body, to: &user, creating: true)
            try body.finish()
            let newID = user.id
            if await request.runtime.read({ $0.presence(of: newID) == nil }) {
                try await authenticator.revokeSessions(of: newID, tenant: request.tenant)
                do {
                    try await pictures.setPicture(nil, tenant: request.tenant.rawValue, user: newID.rawValue)
                } catch {
                    throw APIProblem.storageUnavailable()
                }
            }
            try await request.perform(.administer(.createUser(user), by: Self.principal(request)))
            return try .json(try await Self.userView(user.id, request), status: .created)
        }
        api.patch("/admin/users/:user", .admin) { request in
            let id = try await request.user()
            guard var user = await request.runtime.read({ $0.presence(of: id)?.user }) else { throw APIProblem.notFound("No user \"\(id)\" in this company.") }
            var body = try JSONBody(request.http)
            Self.applyProfile(&body, to: &user, creating: false)
            try body.finish()
            try await request.perform(.administer(.updateUser(user), by: Self.principal(request)))
            return try .json(try await Self.userView(id, request))
        }
        api.delete("/admin/users/:user", .admin) { request in
            let id = try await request.user()
            try await request.perform(.administer(.removeUser(id), by: Self.principal(request)))
            // The user's sessions are refused from now on anyway (the user is gone); what fails
            // here is done again when the id is next created.
            try await authenticator.revokeSessions(of: id, tenant: request.tenant)
            _ = try? await pictures.setPicture(nil, tenant: request.tenant.rawValue, user: id.rawValue)
            return HTTPResponse(status: .noContent)
        }
        api.post("/admin/queues", .admin) { request in
            var body = try JSONBody(request.http)
            let id = body.identifier("id", as: QueueID.self, required: true)
            let number = body.phoneNumber("mainNumber", required: true)
            // Stand-ins for a missing id or number are never used: finish() reports them.
            var queue = CallQueue(id: id ?? QueueID("x"), name: "", mainNumber: number ?? Self.anyNumber)
            Self.applyDefinition(&body, to: &queue, creating: true)
            try body.finish()
            try await request.perform(.administer(.createQueue(queue), by: Self.principal(request)))
            return try .json(try await Self.queueView(queue.id, request), status: .created)
        }
        api.patch("/admin/queues/:queue", .admin) { request in
            let id = try await request.queue()
            guard var queue = await request.runtime.read({ $0.status(of: id)?.queue }) else { throw APIProblem.notFound("No queue \"\(id)\" in this company.") }
            var body = try JSONBody(request.http)
            Self.applyDefinition(&body, to: &queue, creating: false)
            try body.finish()
            queue.members = []
            try await request.perform(.administer(.updateQueue(queue), by: Self.principal(request)))
            return try .json(try await Self.queueView(id, request))
        }
        api.delete("/admin/queues/:queue", .admin) { request in
            let id = try await request.queue()
            try await request.perform(.administer(.removeQueue(id), by: Self.principal(request)))
            return HTTPResponse(status: .noContent)
        }
        api.put("/admin/queues/:queue/members/:user", .admin) { request in
            let queue = try await request.queue()
            let user = try await request.user()
            var body = try JSONBody(request.http, allowEmpty: true)
            let priority = body.integer("priority", in: 1...99) ?? 1
            try body.finish()
            try await request.perform(.administer(.setMember(queue: queue, member: QueueMember(user: user, priority: Int(priority))), by: Self.principal(request)))
            return try .json(try await Self.queueView(queue, request))
        }
        api.delete("/admin/queues/:queue/members/:user", .admin) { request in
            let queue = try await request.queue()
            let user = try await request.user()
            try await request.perform(.administer(.removeMember(queue: queue, user: user), by: Self.principal(request)))
            return HTTPResponse(status: .noContent)
        }
    }

    /// Stands in for a missing main number while the rest of a bad request is checked.
    private static let anyNumber = try! PhoneNumber(parsing: "+4700000000")

    /// An admin user acts as themself; an admin key as the system.
    private static func principal(_ request: APIRequest) -> Principal {
        request.caller.user.map(Principal.user) ?? .system
    }

    private static func userView(_ id: UserID, _ request: APIRequest) async throws(HTTPError) -> UserView {
        guard let presence = await request.runtime.read({ $0.presence(of: id) }) else { throw APIProblem.notFound("No user \"\(id)\" in this company.") }
        return UserView(presence)
    }

    private static func queueView(_ id: QueueID, _ request: APIRequest) async throws(HTTPError) -> QueueView {
        guard let status = await request.runtime.read({ $0.status(of: id) }) else { throw APIProblem.notFound("No queue \"\(id)\" in this company.") }
        return QueueView(status)
    }

    /// The profile fields of a user; `creating` requires a name; `null` clears optional fields.
    private static func applyProfile(_ body: inout JSONBody, to user: inout User, creating: Bool) {
        if let name = body.string("name", required: creating, maxLength: 100) { user.name = name }
        if let department = body.nullableString("department", maxLength: 200) { user.department = department }
        if let email = body.nullableEmailAddress("email", maxLength: 200) { user.email = email }
        for (key, path) in [("mobile", \User.mobile), ("ipNumber", \User.ipNumber)] where body.has(key) {
            if case .null? = body.value(key, required: false) {
                user[keyPath: path] = nil
            } else if let number = body.phoneNumber(key) {
                user[keyPath: path] = number
            }
        }
        if let role = body.choice("role", as: UserRole.self) { user.role = role }
        if let language = body.choice("language", as: Language.self) { user.language = language }
    }

    /// The definition fields of a queue; `creating` requires a name and a main number.
    private static func applyDefinition(_ body: inout JSONBody, to queue: inout CallQueue, creating: Bool) {
        if let name = body.string("name", required: creating, maxLength: 100) { queue.name = name }
        if !creating, let number = body.phoneNumber("mainNumber") { queue.mainNumber = number }
        if let ring = body.integer("ringTimeoutMs", in: 5_000...300_000) { queue.ringTimeout = .milliseconds(ring) }
        if let wait = body.integer("maxWaitMs", in: 10_000...86_400_000) { queue.maxWait = .milliseconds(wait) }
        if let wrapUp = body.integer("wrapUpMs", in: 0...3_600_000) { queue.wrapUp = .milliseconds(wrapUp) }
        if let action = body.choice("afterMaxWait", as: QueueTimeoutAction.self) { queue.afterMaxWait = action }
        if body.has("overflowQueue") {
            if case .null? = body.value("overflowQueue", required: false) {
                queue.overflowQueue = nil
            } else if let overflow = body.identifier("overflowQueue", as: QueueID.self) {
                queue.overflowQueue = overflow
            }
        }
    }
}
