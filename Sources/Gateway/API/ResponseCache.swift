import HTTPServer
import Switchboard
import Synchronization

/// Answers of read-only routes, per company, path, query and user, kept with the engine
/// version (``TenantRuntime/version``) they were made at and reused while the engine is at
/// that version: a dashboard polling the same list costs one query and one encoding per
/// change of the company's switchboard instead of one per request.
///
/// A version is looked at before the answer is made, so an answer is never older than the
/// version it is kept under. At most ``capacity`` answers are kept; past that, all are
/// forgotten (queries with cursors can make many keys).
final class ResponseCache: Sendable {
    /// What a reused answer must match.
    struct Key: Hashable, Sendable {
        let tenant: TenantID
        let path: String
        let query: String
        /// The user of a session; nil for API keys, which all see the company's view.
        let user: UserID?
    }

    private struct Entry {
        let version: UInt64
        let response: HTTPResponse
    }

    static let capacity = 1024

    private let entries = Mutex<[Key: Entry]>([:])

    /// The answer kept for `key` at `version`, if any.
    func response(for key: Key, at version: UInt64) -> HTTPResponse? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.version == version else { return nil }
            return entry.response
        }
    }

    /// Keeps `response` for `key`, made at `version` or later.
    func store(_ response: HTTPResponse, for key: Key, at version: UInt64) {
        entries.withLock { entries in
            if entries.count >= Self.capacity, entries[key] == nil { entries.removeAll() }
            entries[key] = Entry(version: version, response: response)
        }
    }
}
