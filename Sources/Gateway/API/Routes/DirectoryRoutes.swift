import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// The directory: `GET /users` with search and filters (DIR-1), `GET /users/{user}` (the
/// card, DIR-4), `PUT /users/{user}/status` (AV-1, DIR-5).
struct DirectoryRoutes {
    /// A page of users.
    struct UserList: Encodable, Sendable {
        let users: [UserView]
    }

    /// The statuses the API accepts.
    static let statuses: [AvailabilityStatus] = [.available, .busy, .inMeeting, .away, .offWork]

    func register(in api: inout APIRouter) {
        api.get("/users", .read) { request in
            let query = request.http.queryValue("q")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let department = request.http.queryValue("department")
            let status = try request.http.queryValue("status").map { text throws(HTTPError) in
                guard let status = Self.statuses.first(where: { $0.rawValue == text }) else {
                    throw APIProblem.invalidParameter("status", "must be one of \(Self.statuses.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
            let queue = request.http.queryValue("queue").map { QueueID($0) }
            let users = await request.runtime.read { state in
                state.directory.users.compactMap { state.presence(of: $0.id) }
            }
            let digits = query.filter(\.isNumber)
            let matching = users.filter { presence in
                let user = presence.user
                if let department, user.department?.caseInsensitiveCompare(department) != .orderedSame { return false }
                if let status, presence.availability.status != status { return false }
                if let queue, !presence.memberships.contains(where: { $0.queue == queue }) { return false }
                guard !query.isEmpty else { return true }
                if user.name.lowercased().contains(query) || (user.department?.lowercased().contains(query) ?? false)
                    || (user.email?.lowercased().contains(query) ?? false) {
                    return true
                }
                guard digits.count >= 3 else { return false }
                return [user.mobile, user.ipNumber].compactMap(\.self).contains { $0.e164.contains(digits) || $0.national.contains(digits) }
            }
            return try .json(UserList(users: matching.map(UserView.init)))
        }
        api.get("/users/:user", .read) { request in
            let id = try await request.user()
            guard let presence = await request.runtime.read({ $0.presence(of: id) }) else { throw APIProblem.notFound("No user \"\(id)\" in this company.") }
            return try .json(UserView(presence))
        }
        api.put("/users/:user/status", .user) { request in
            let id = try await request.user()
            var body = try JSONBody(request.http)
            let status = body.string("status", required: true, maxLength: 32).flatMap { text -> AvailabilityStatus? in
                guard let status = Self.statuses.first(where: { $0.rawValue == text }) else {
                    body.report("status", "must be one of \(Self.statuses.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
                return status
            }
            let until = body.timestamp("until")
            if let until, until <= .now { body.report("until", "must be in the future") }
            if until != nil, status == .available { body.report("until", "Available has no end") }
            try body.finish()
            guard let status else { throw APIProblem.validationFailed([]) }
            let events = try await request.perform(
                .setAvailability(user: id, availability: Availability(status, until: until), by: try request.actingUser))
            return try .json(ActionResult(events: events))
        }
    }
}
