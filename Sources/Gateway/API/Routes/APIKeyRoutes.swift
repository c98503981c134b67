import Foundation
import HTTPServer
import PluginKit
import Storage
import Switchboard

/// Admins manage their company's API keys: `GET /admin/api-keys`, `POST /admin/api-keys`
/// (the key is shown once, in the response), `DELETE /admin/api-keys/{id}`. Keys from
/// config.toml are listed but cannot be revoked here. A retried creation with the same
/// `Idempotency-Key` answers the first one's metadata, without a second key and without the
/// secret.
struct APIKeyRoutes {
    /// A key as listed (never the key itself).
    struct KeyView: Encodable, Sendable {
        let id: String
        let name: String
        let scopes: [String]
        let createdAt: Timestamp?
        let revokedAt: Timestamp?
        let source: String
    }

    /// The company's keys.
    struct KeyList: Encodable, Sendable {
        let keys: [KeyView]
    }

    let keys: AccessTables
    let configured: [TenantConfiguration]
    let authenticator: Authenticator

    func register(in api: inout APIRouter) {
        let keys = self.keys
        let configured = self.configured
        let authenticator = self.authenticator
        api.get("/admin/api-keys", .admin) { request in
            let fromConfig = configured.first { $0.id == request.tenant.rawValue }?.apiKeys.map {
                KeyView(id: "config:\($0.name)", name: $0.name, scopes: $0.scopes.map(\.rawValue).sorted(), createdAt: nil, revokedAt: nil, source: "config")
            } ?? []
            let rows: [APIKeyTable.Row]
            do {
                rows = try await keys.apiKeys.rows(tenant: request.tenant.rawValue)
            } catch {
                throw APIProblem.storageUnavailable()
            }
            let stored = rows.map {
                KeyView(
                    id: $0.id, name: $0.name, scopes: $0.scopes, createdAt: Timestamp(millisecondsSinceEpoch: $0.createdAt),
                    revokedAt: $0.revokedAt.map(Timestamp.init(millisecondsSinceEpoch:)), source: "api")
            }
            return try .json(KeyList(keys: fromConfig + stored))
        }
        api.post("/admin/api-keys", .admin, keptAs: Self.withoutSecret) { request in
            var body = try JSONBody(request.http)
            let name = body.string("name", required: true, maxLength: 64)
            var scopes: [APIScope] = []
            if let names = body.decoded("scopes", as: [String].self, expected: "an array of strings", required: true) {
                for scopeName in names {
                    guard let scope = APIScope(rawValue: scopeName) else {
                        body.report("scopes", "unknown scope \"\(scopeName)\"; expected one of \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    if !scopes.contains(scope) { scopes.append(scope) }
                }
                if names.isEmpty { body.report("scopes", "a key needs at least one scope") }
            }
            try body.finish()
            guard let name else { throw APIProblem.validationFailed([]) }
            let issued: IssuedAPIKey
            do {
                issued = try await keys.issueAPIKey(tenant: request.tenant.rawValue, name: name, scopes: scopes)
            } catch {
                throw APIProblem.storageUnavailable("The key was not created; try again.")
            }
            return try .json(issued, status: .created)
        }
        api.delete("/admin/api-keys/:id", .admin) { request in
            let id = request.parameter("id")
            let revoked = try await authenticator.revokeKey(id: id, tenant: request.tenant)
            guard revoked else {
                throw APIProblem.notFound(id.hasPrefix("config:") ? "Keys from config.toml are removed there." : "No active API key \"\(id)\" in this company.")
            }
            return HTTPResponse(status: .noContent)
        }
    }

    /// A creation's answer as kept for a retry: the key's metadata without `key`.
    @Sendable static func withoutSecret(_ response: HTTPResponse) -> HTTPResponse {
        guard case .data(let body) = response.body,
            let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], object["key"] != nil,
            let stripped = try? JSONSerialization.data(withJSONObject: object.filter { $0.key != "key" }, options: [.sortedKeys])
        else { return response }
        var kept = response
        kept.body = .data(stripped)
        return kept
    }
}
