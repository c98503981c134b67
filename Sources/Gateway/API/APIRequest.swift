import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// A request that passed authentication and access checks: the HTTP request, the caller
/// and the caller's company's engine. Everything a handler reads or changes goes through
/// ``runtime``, so it cannot reach another company.
struct APIRequest: Sendable {
    /// The HTTP request.
    let http: HTTPRequest
    /// Who is calling.
    let caller: Caller
    /// The caller's company's engine.
    let runtime: TenantRuntime
    /// The logged-in user's role when the route's access check read it; nil for an API key.
    let role: UserRole?

    /// The caller's company.
    var tenant: TenantID { caller.tenant }

    /// The logged-in user acting; routes with ``APIAccess/user`` always have one.
    var actingUser: UserID {
        get throws(HTTPError) {
            guard let user = caller.user else {
                throw APIProblem.forbidden("This action is taken by a logged-in user; an API key cannot take it.")
            }
            return user
        }
    }

    /// The route parameter `name`.
    func parameter(_ name: String) -> String { http.parameters[name] ?? "" }

    /// The route parameter `name` as a user of the caller's company; 404 if there is none.
    func user(_ name: String = "user") async throws(HTTPError) -> UserID {
        let id = UserID(parameter(name))
        guard await runtime.read({ $0.presence(of: id) != nil }) else { throw APIProblem.notFound("No user \"\(id)\" in this company.") }
        return id
    }

    /// The route parameter `name` as a queue of the caller's company; 404 if there is none.
    func queue(_ name: String = "queue") async throws(HTTPError) -> QueueID {
        let id = QueueID(parameter(name))
        guard await runtime.read({ $0.status(of: id) != nil }) else { throw APIProblem.notFound("No queue \"\(id)\" in this company.") }
        return id
    }

    /// The route parameter `name` as a call id (`call-N`); 404 if it is not one.
    func call(_ name: String = "call") throws(HTTPError) -> CallID {
        guard let id = CallID(parameter(name)) else { throw APIProblem.notFound("No call \"\(parameter(name))\" in this company.") }
        return id
    }

    /// Runs `command` in the caller's company's engine; engine refusals become problems.
    @discardableResult
    func perform(_ command: SwitchboardCommand) async throws(HTTPError) -> [EventEnvelope] {
        do {
            return try await runtime.perform(command)
        } catch let error as SwitchboardError {
            throw APIProblem.refused(error)
        } catch is EngineUnavailableError {
            throw APIProblem.engineUnavailable()
        } catch {
            throw APIProblem.storageUnavailable("The change was not made; try again.")
        }
    }
}
