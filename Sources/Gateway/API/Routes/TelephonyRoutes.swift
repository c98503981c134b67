import HTTPServer
import PluginKit
import Switchboard

/// Call control for the telephone platform (an API key with the `telephony` scope): a call
/// arrived (`POST /telephony/calls`), a leg was answered or hung up, a key was pressed
/// (`POST /telephony/legs/{leg}/answered|hangup|dtmf`). The engine's telephony commands
/// (ring, bridge, play, hang up) go back to the platform through its driver.
struct TelephonyRoutes {
    /// A call the platform reported.
    struct Arrived: Encodable, Sendable {
        let callId: String?
        let leg: String?
        let events: [EventEnvelope]
    }

    func register(in api: inout APIRouter) {
        api.post("/telephony/calls", .telephony) { request in
            var body = try JSONBody(request.http)
            let from = body.phoneNumber("from", required: true)
            let to = body.phoneNumber("to", required: true)
            try body.finish()
            guard let from, let to else { throw APIProblem.validationFailed([]) }
            let events = try await request.perform(.telephony(.arrived(from: from, to: to)))
            let callId = events.first { $0.callId != nil }?.callId
            return try .json(Arrived(callId: callId, leg: callId.map { "\($0).0" }, events: events), status: .created)
        }
        api.post("/telephony/legs/:leg/answered", .telephony) { request in
            let leg = try Self.leg(request)
            try Self.emptyBody(request)
            return try .json(ActionResult(events: try await request.perform(.telephony(.answered(leg)))))
        }
        api.post("/telephony/legs/:leg/hangup", .telephony) { request in
            let leg = try Self.leg(request)
            try Self.emptyBody(request)
            return try .json(ActionResult(events: try await request.perform(.telephony(.hungUp(leg)))))
        }
        api.post("/telephony/legs/:leg/dtmf", .telephony) { request in
            let leg = try Self.leg(request)
            var body = try JSONBody(request.http)
            let digit = body.string("digit", required: true, maxLength: 1)
            if let digit, !"0123456789*#".contains(digit) { body.report("digit", "must be one of 0–9, * and #") }
            try body.finish()
            guard let digit, let key = digit.first else { throw APIProblem.validationFailed([]) }
            return try .json(ActionResult(events: try await request.perform(.telephony(.dtmf(leg, digit: key)))))
        }
    }

    private static func leg(_ request: APIRequest) throws(HTTPError) -> LegID {
        guard let leg = LegID(request.parameter("leg")) else {
            throw APIProblem.notFound("No leg \"\(request.parameter("leg"))\"; legs are written call-N.I.")
        }
        return leg
    }

    private static func emptyBody(_ request: APIRequest) throws(PluginProblem) {
        var body = try JSONBody(request.http, allowEmpty: true)
        try body.finish()
    }
}
