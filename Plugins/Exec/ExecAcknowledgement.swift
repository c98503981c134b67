import Foundation

/// One line a plugin's executable writes to its stdout for the event in flight:
/// `{"id":"…","ok":true}` when the event was handled, or
/// `{"id":"…","ok":false,"retry":true|false,"error":"…"}` when it was not. `retry` left out
/// counts as true, so a plugin that forgets it is retried rather than dead-lettered.
enum ExecAcknowledgement: Equatable {
    /// The event was handled.
    case handled
    /// The plugin could not handle the event; `retry` says whether another try may succeed.
    case refused(retry: Bool, message: String)
    /// The line is no acknowledgement of this event: the child is out of step.
    case invalid(String)

    private struct Line: Decodable {
        var id: String
        var ok: Bool
        var retry: Bool?
        var error: String?
    }

    /// Reads `line` as the acknowledgement of the event `id`.
    init(line: String, expecting id: String) {
        guard let decoded = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else {
            self = .invalid("the plugin wrote a line that is not an acknowledgement: \(Self.excerpt(line))")
            return
        }
        guard decoded.id == id else {
            self = .invalid("the plugin acknowledged \(Self.excerpt(decoded.id)) while \(id) was in flight")
            return
        }
        self =
            decoded.ok
            ? .handled
            : .refused(retry: decoded.retry ?? true, message: Self.excerpt(decoded.error ?? "no reason given", limit: 500))
    }

    /// `text` quoted, cut to `limit` characters, so a runaway line cannot flood a log.
    private static func excerpt(_ text: String, limit: Int = 120) -> String {
        text.count > limit ? "\"\(text.prefix(limit))…\"" : "\"\(text)\""
    }
}
