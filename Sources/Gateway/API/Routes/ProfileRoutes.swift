import Foundation
import HTTPServer
import PluginKit
import Storage
import Switchboard

/// A user's profile: `GET`/`PATCH /users/{user}/settings` (AV-2, PROF-2..9, PA-1) and
/// `GET`/`PUT`/`DELETE /users/{user}/picture` (PROF-1). Users change their own; admins
/// anyone's (the engine decides for settings, this route for pictures).
struct ProfileRoutes {
    /// The largest picture accepted.
    static let maxPictureBytes = 512 * 1024

    let pictures: ProfilePictureTable

    func register(in api: inout APIRouter) {
        let pictures = self.pictures
        api.get("/users/:user/settings", .read) { request in
            let id = try await request.user()
            let settings = await request.runtime.read { $0.presence(of: id)?.user.settings }
            return try .json(settings)
        }
        api.patch("/users/:user/settings", .user) { request in
            let id = try await request.user()
            guard var settings = await request.runtime.read({ $0.presence(of: id)?.user.settings }) else {
                throw APIProblem.notFound("No user \"\(id)\" in this company.")
            }
            var body = try JSONBody(request.http)
            Self.apply(&body, to: &settings)
            try body.finish()
            let events = try await request.perform(.updateSettings(user: id, settings: settings, by: try request.actingUser))
            return try .json(ActionResult(events: events))
        }
        api.get("/users/:user/picture", .read) { request in
            let id = try await request.user()
            let picture: ProfilePictureTable.Picture?
            do {
                picture = try await pictures.picture(tenant: request.tenant.rawValue, user: id.rawValue)
            } catch {
                throw APIProblem.storageUnavailable()
            }
            guard let picture else { throw APIProblem.notFound("\(id) has no profile picture.") }
            // The picture was rebuilt when stored (``ProfilePicture``); even so, a browser that
            // opens it directly gets no scripts, no plugins and no same-origin rights.
            return HTTPResponse(
                headers: [
                    "Content-Type": picture.contentType, "Cache-Control": "private, max-age=60",
                    "Content-Security-Policy": "default-src 'none'; sandbox",
                ],
                body: Data(picture.bytes))
        }
        api.put("/users/:user/picture", .user) { request in
            let id = try await Self.ownOrAdmin(request)
            guard request.http.body.count <= Self.maxPictureBytes else {
                throw APIProblem.error(
                    .contentTooLarge, "picture-too-large", "The picture is too large",
                    detail: "A profile picture may be at most \(Self.maxPictureBytes / 1024) KiB; this one is \(request.http.body.count / 1024) KiB.")
            }
            let declared = request.http.headers["Content-Type"]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let declared, ImageType.allowed.contains(declared) else {
                throw APIProblem.unsupportedMediaType("Send the picture as \(ImageType.allowed.joined(separator: ", ")).")
            }
            guard let actual = ImageType.detect(Array(request.http.body.prefix(16))) else {
                throw APIProblem.error(.unprocessableContent, "not-an-image", "The file is not an image", detail: "The body is not a PNG, JPEG, GIF or WebP image.")
            }
            guard actual == declared else {
                throw APIProblem.error(
                    .unprocessableContent, "not-an-image", "The file is not the image type declared",
                    detail: "Content-Type says \(declared) but the file is \(actual).")
            }
            let rebuilt: ProfilePicture
            switch Result(catching: { () throws(ProfilePicture.Refusal) in try ProfilePicture(Array(request.http.body), as: actual) }) {
            case .success(let picture):
                rebuilt = picture
            case .failure(let refusal):
                throw APIProblem.error(
                    .unprocessableContent, "not-an-image", "The file is not a well-formed image",
                    detail: "The \(actual) file cannot be used: \(refusal.reason).")
            }
            do {
                try await pictures.setPicture(
                    .init(contentType: actual, bytes: rebuilt.bytes, updatedAt: Timestamp.now.millisecondsSinceEpoch),
                    tenant: request.tenant.rawValue, user: id.rawValue)
            } catch {
                throw APIProblem.storageUnavailable("The picture was not saved; try again.")
            }
            return HTTPResponse(status: .noContent)
        }
        api.delete("/users/:user/picture", .user) { request in
            let id = try await Self.ownOrAdmin(request)
            let existed: Bool
            do {
                existed = try await pictures.setPicture(nil, tenant: request.tenant.rawValue, user: id.rawValue)
            } catch {
                throw APIProblem.storageUnavailable()
            }
            guard existed else { throw APIProblem.notFound("\(id) has no profile picture.") }
            return HTTPResponse(status: .noContent)
        }
    }

    /// The route's user, if the caller is that user or an admin.
    private static func ownOrAdmin(_ request: APIRequest) async throws(HTTPError) -> UserID {
        let id = try await request.user()
        let acting = try request.actingUser
        guard acting == id else {
            let role = await request.runtime.read { $0.role(of: acting) }
            guard role == .admin else { throw APIProblem.forbidden("Only \(id) or an admin may change this picture.") }
            return id
        }
        return id
    }

    /// Applies a settings patch: only the fields present change; `null` clears a field
    /// that can be empty.
    static func apply(_ body: inout JSONBody, to settings: inout UserSettings) {
        if body.has("activeDevice") { settings.activeDevice = nullableDevice(&body, "activeDevice") ?? settings.activeDevice }
        if body.has("transferDefault") { settings.transferDefault = nullableDevice(&body, "transferDefault") ?? settings.transferDefault }
        if body.has("displayNumber") { settings.displayNumber = displayNumber(&body) ?? settings.displayNumber }
        if let parallel = body.boolean("parallelRinging") { settings.parallelRinging = parallel }
        if let drives = body.boolean("statusDrivesQueues") { settings.statusDrivesQueues = drives }
        body.object("incoming") { incoming -> Void? in
            if let voicemail = incoming.boolean("voicemailOnNoAnswer") { settings.incoming.voicemailOnNoAnswer = voicemail }
            if incoming.has("forwardTo") {
                if case .null? = incoming.value("forwardTo", required: false) {
                    settings.incoming.forwardTo = nil
                } else if let number = incoming.phoneNumber("forwardTo") {
                    settings.incoming.forwardTo = number
                }
            }
            if let ring = incoming.integer("ringTimeoutMs", in: 5_000...120_000) { settings.incoming.ringTimeout = .milliseconds(ring) }
            return nil
        }
        body.object("assistant") { assistant -> Void? in
            if let enabled = assistant.boolean("enabled") { settings.assistant.enabled = enabled }
            if let ignore = assistant.boolean("ignoreForColleagues") { settings.assistant.ignoreForColleagues = ignore }
            if let inCall = assistant.boolean("activateWhenInCall") { settings.assistant.activateWhenInCall = inCall }
            if let sms = assistant.boolean("smsOnMissedCall") { settings.assistant.smsOnMissedCall = sms }
            if let message = assistant.nullableString("customMessage", maxLength: 500) { settings.assistant.customMessage = message }
            if let timeout = assistant.integer("inputTimeoutMs", in: 1_000...30_000) { settings.assistant.inputTimeout = .milliseconds(timeout) }
            return nil
        }
    }

    /// `displayNumber`: `"own"` or `{"queue": ID}`, read as strictly as the rest of the body
    /// (an unknown field beside `queue` is reported); nil means invalid (reported).
    private static func displayNumber(_ body: inout JSONBody) -> DisplayNumber? {
        switch body.value("displayNumber", required: false) {
        case .string("own")?:
            return .own
        case .object?:
            return body.object("displayNumber") { $0.identifier("queue", as: QueueID.self, required: true) }.map(DisplayNumber.queue)
        default:
            body.report("displayNumber", "must be \"own\" or {\"queue\": ID}")
            return nil
        }
    }

    /// A device field that may be null: `.some(nil)` clears it, nil means invalid (reported).
    private static func nullableDevice(_ body: inout JSONBody, _ key: String) -> Device?? {
        if case .null? = body.value(key, required: false) { return .some(nil) }
        return body.choice(key, as: Device.self).map { .some($0) }
    }
}
