import HTTPServer
import PluginKit
import Switchboard

/// LOGIN-1, LOGIN-2: `POST /auth/login` (a code to the phone), `POST /auth/verify` (the
/// code for a session token), `POST /auth/logout`, and `GET /me`.
struct AuthRoutes {
    /// Who is calling, as `GET /me` answers.
    struct Me: Encodable, Sendable {
        /// An API key's description.
        struct Key: Encodable, Sendable {
            let id: String
            let name: String
            let scopes: [APIScope]
        }

        let tenant: TenantID
        let user: UserView?
        let apiKey: Key?
    }

    let login: LoginService
    let authenticator: Authenticator

    func register(in api: inout APIRouter) {
        let login = self.login
        let authenticator = self.authenticator
        api.anonymous(.post, "/auth/login") { http in
            var body = try JSONBody(http)
            let phone = body.phoneNumber("phone", required: true)
            let channel = body.choice("channel", as: LoginChannel.self) ?? .sms
            let tenant = body.identifier("tenant", as: TenantID.self)
            try body.finish()
            guard let phone else { throw APIProblem.validationFailed([]) }
            let challenge = try await login.requestCode(number: phone, tenant: tenant, channel: channel, clientAddress: http.remoteAddress)
            return try .json(challenge, status: .accepted)
        }
        api.anonymous(.post, "/auth/verify") { http in
            var body = try JSONBody(http)
            let challenge = body.string("challengeId", required: true, maxLength: 64)
            let code = body.string("code", required: true, maxLength: 16)
            if let code, code.count != LoginService.codeLength || !code.allSatisfy(\.isASCII) || !code.allSatisfy(\.isNumber) {
                body.report("code", "must be \(LoginService.codeLength) digits")
            }
            try body.finish()
            guard let challenge, let code else { throw APIProblem.validationFailed([]) }
            let session = try await login.verify(challengeID: challenge, code: code, clientAddress: http.remoteAddress)
            return try .json(session)
        }
        api.post("/auth/logout", .user) { request in
            guard case .user(_, let session) = request.caller.identity else { throw APIProblem.forbidden("Only a session can log out.") }
            _ = try await authenticator.revokeSession(session)
            return HTTPResponse(status: .noContent)
        }
        api.get("/me", .stream) { request in
            var user: UserView?
            if let id = request.caller.user {
                user = await request.runtime.read { $0.presence(of: id) }.map(UserView.init)
            }
            var key: Me.Key?
            if case .apiKey(let id, let name, let scopes) = request.caller.identity {
                key = Me.Key(id: id, name: name, scopes: scopes.sorted())
            }
            return try .json(Me(tenant: request.tenant, user: user, apiKey: key))
        }
    }
}
