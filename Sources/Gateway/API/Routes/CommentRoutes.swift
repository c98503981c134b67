import HTTPServer
import PluginKit
import Switchboard

/// CMT-1: `GET /comments?number=` (the comments on a caller's number, oldest first) and
/// `POST /comments` (add one; shown on that number's next calls to the whole company).
struct CommentRoutes {
    /// The comments on a number.
    struct CommentList: Encodable, Sendable {
        /// `CallerComment`'s own JSON: id, number, text, author, addedAt.
        let comments: [CallerComment]
    }

    func register(in api: inout APIRouter) {
        api.get("/comments", .read) { request in
            guard let text = request.http.queryValue("number") else { throw APIProblem.invalidParameter("number", "is required") }
            let number: PhoneNumber
            do throws(PhoneNumber.ParseError) {
                number = try PhoneNumber(parsing: text)
            } catch {
                throw APIProblem.invalidParameter("number", "is not a phone number: \(error.reason)")
            }
            let comments = await request.runtime.read { $0.comments(on: number) }
            return try .json(CommentList(comments: comments))
        }
        api.post("/comments", .user) { request in
            var body = try JSONBody(request.http)
            let number = body.phoneNumber("number", required: true)
            let text = body.string("text", required: true, maxLength: 1000)
            try body.finish()
            guard let number, let text else { throw APIProblem.validationFailed([]) }
            let events = try await request.perform(.addComment(number: number, text: text, by: try request.actingUser))
            return try .json(ActionResult(events: events), status: .created)
        }
    }
}
