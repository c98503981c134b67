import Foundation
import PeerSupport
import PluginKit
import Testing

/// A live stream lasts only while its caller may see it (issue 18): it ends when its API key
/// is revoked and when its user is removed. A stream that never ended would hold the test
/// until its time limit.
@Suite("A live stream ends with its caller's right to it", .serialized)
struct StreamEndTests {
    @Test(.timeLimit(.minutes(1)))
    func aRevokedKeysStreamEnds() async throws {
        try await APIHarness.with { harness in
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            let created = try await harness.request(.post, "/api/v1/admin/api-keys", token: admin, json: #"{"name": "feed", "scopes": ["read"]}"#)
            let key = try #require(harness.object(created)["key"] as? String)
            let id = try #require(harness.object(created)["id"] as? String)
            let status = try await harness.streamStatus(token: key) {
                let revoked = try await harness.request(.delete, "/api/v1/admin/api-keys/\(id)", token: admin)
                #expect(revoked.status == 204)
            }
            #expect(status == 200, "the stream was served, then ended at the revocation")
            #expect(try await harness.request(.get, "/api/v1/events/poll?timeoutSeconds=0", token: key).status == 401)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aRemovedUsersStreamEnds() async throws {
        try await APIHarness.with { harness in
            let admin = try #require(APIHarness.keys["ACME_ADMIN"])
            let bob = try await harness.login("+4740010004")
            let status = try await harness.streamStatus(token: bob) {
                let removed = try await harness.request(.delete, "/api/v1/admin/users/bob", token: admin)
                #expect(removed.status == 204)
            }
            #expect(status == 200, "the stream was served, then ended when bob was removed")
            #expect(try await harness.request(.get, "/api/v1/me", token: bob).status == 401)
        }
    }
}
