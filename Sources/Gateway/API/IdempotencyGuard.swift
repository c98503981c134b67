import Foundation
import HTTPServer
import PluginKit
import Storage
import Switchboard
import Synchronization

/// `Idempotency-Key` on requests that act: the first request with a key runs and its
/// response (any status below 500 except 429) is kept for 24 hours; a retry with the same
/// key and the same request gets that response again, marked `Idempotent-Replayed: true`,
/// without acting twice. The same key on a different request is refused (422
/// `idempotency-key-reused`), and a retry while the first is still running waits for
/// nothing: it gets 409 `idempotency-key-in-progress`. The key is claimed before the kept
/// responses are read, so two requests with one key never both act. A route whose response
/// carries a secret (a new API key) keeps it without the secret (`keeping`): a retry gets the
/// first answer's metadata, never the secret again and never a second key.
final class IdempotencyGuard: Sendable {
    static let retentionMilliseconds: Int64 = 86_400_000

    private let table: IdempotencyTable
    private let logger: Logger
    private let running = Mutex<Set<String>>([])

    init(table: IdempotencyTable, logger: Logger) {
        self.table = table
        self.logger = logger
    }

    /// Runs `handler` for `request` by `caller` under the request's key, if it has one; what is
    /// kept for a retry is `keeping` of the response (the response itself by default).
    func run(
        _ request: HTTPRequest, caller: Caller, keeping: @Sendable (HTTPResponse) -> HTTPResponse = { $0 },
        handler: @Sendable () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let key = request.headers["Idempotency-Key"] else { return try await handler() }
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw APIProblem.error(
                .badRequest, "invalid-idempotency-key", "Invalid Idempotency-Key", detail: "Use 1–255 visible ASCII characters, e.g. a UUID.")
        }
        let now = Timestamp.now.millisecondsSinceEpoch
        let fingerprint = try SHA256.digest(Array("\(request.method.rawValue) \(request.path)?\(request.query)\n".utf8) + Array(request.body))
        let tenant = caller.tenant.rawValue
        let principal = caller.principalName
        let claim = "\(tenant)\n\(principal)\n\(key)"
        guard running.withLock({ $0.insert(claim).inserted }) else {
            throw APIProblem.error(
                .conflict, "idempotency-key-in-progress", "A request with this Idempotency-Key is still running", detail: "Retry when it has finished.")
        }
        defer { running.withLock { _ = $0.remove(claim) } }
        let stored: IdempotencyTable.Row?
        do {
            stored = try await table.row(tenant: tenant, principal: principal, key: key, notBefore: now - Self.retentionMilliseconds)
        } catch {
            throw APIProblem.storageUnavailable()
        }
        if let stored {
            guard stored.fingerprint == fingerprint else {
                throw APIProblem.error(
                    .unprocessableContent, "idempotency-key-reused", "The Idempotency-Key was used for another request",
                    detail: "Use a new key for a new request.")
            }
            var headers: HTTPHeaders = ["Idempotent-Replayed": "true"]
            if let type = stored.contentType { headers["Content-Type"] = type }
            return HTTPResponse(status: HTTPStatus(code: stored.status), headers: headers, body: Data(stored.body))
        }
        let response: HTTPResponse
        do {
            response = try await handler()
        } catch let error as any HTTPResponseError {
            response = HTTPResponse.problem(for: error, instance: request.path)
        }
        let kept = keeping(response)
        guard kept.status.code < 500, kept.status != .tooManyRequests, case .data(let body) = kept.body else { return response }
        do {
            try await table.save(
                .init(
                    tenant: tenant, principal: principal, key: key, fingerprint: fingerprint, status: kept.status.code,
                    contentType: kept.headers["Content-Type"], body: Array(body), createdAt: now),
                purgeBefore: now - Self.retentionMilliseconds)
        } catch {
            logger.warning("idempotent response not kept; a retry with this key would act again", [
                "path": request.path, "error": String(describing: error),
            ])
        }
        return response
    }
}
