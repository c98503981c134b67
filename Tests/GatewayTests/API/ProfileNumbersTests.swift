import Foundation
import PluginKit
import Testing

/// PROF-3 (display number) and PROF-7 (parallel ringing) set by the user through the API,
/// checked by value where they act: the caller ID of a click-to-call and the phones an
/// incoming call rings (issue 18).
@Suite("PROF-3 display number and PROF-7 ring numbers through the API", .serialized)
struct ProfileNumbersTests {
    private let telephony = APIHarness.keys["ACME_TELEPHONY"]!
    private let admin = APIHarness.keys["ACME_ADMIN"]!
    private let annMobile = "+4740010003"
    private let annIP = "+4723000003"

    /// The events of `type` in an action's answer.
    private func events(_ type: String, in answer: [String: Any]) -> [[String: Any]] {
        (answer["events"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == type }
    }

    /// The display number a click-to-call by `token` to an outside number shows, from its
    /// `call.outgoing` event; the call is hung up again.
    private func displayNumberOfACall(_ harness: APIHarness, token: String) async throws -> String? {
        let dialed = try await harness.request(.post, "/api/v1/calls", token: token, json: #"{"target": {"number": "+4791234567"}}"#)
        #expect(dialed.status == 201, "\(dialed.text)")
        let answer = harness.object(dialed)
        let outgoing = events("call.outgoing", in: answer).first?["data"] as? [String: Any]
        #expect(outgoing?["number"] as? String == annMobile, "the call goes out from her active phone")
        if let call = answer["callId"] as? String {
            #expect(try await harness.request(.post, "/api/v1/calls/\(call)/hangup", token: token).status == 200)
        }
        return outgoing?["displayNumber"] as? String
    }

    /// Guards PROF-3: ann chooses the front queue's main number as her caller ID; the API
    /// returns that choice and her next click-to-call shows the queue's number; a queue she is
    /// not a member of is refused and changes nothing; "own" shows her own number again.
    @Test func theDisplayNumberChosenThroughTheAPIIsTheCallerIDOfTheNextCall() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login(annMobile)
            let byDefault = try await displayNumberOfACall(harness, token: ann)
            #expect(byDefault == annMobile, "her own number by default")

            let chosen = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, json: #"{"displayNumber": {"queue": "front"}}"#)
            #expect(chosen.status == 200, "\(chosen.text)")
            let settings = try await harness.get("/api/v1/users/ann/settings", token: ann)
            #expect(settings["displayNumber"] as? [String: String] == ["queue": "front"])
            let queueNumber = try await displayNumberOfACall(harness, token: ann)
            #expect(queueNumber == "+4740011000", "the front queue's main number")

            let notHers = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, json: #"{"displayNumber": {"queue": "acme-desk"}}"#)
            #expect(notHers.status == 422, "a queue she is not a member of: \(notHers.text)")
            let unchanged = try await harness.get("/api/v1/users/ann/settings", token: ann)
            #expect(unchanged["displayNumber"] as? [String: String] == ["queue": "front"])
            let stillQueueNumber = try await displayNumberOfACall(harness, token: ann)
            #expect(stillQueueNumber == "+4740011000")

            let own = try await harness.request(.patch, "/api/v1/users/ann/settings", token: ann, json: #"{"displayNumber": "own"}"#)
            #expect(own.status == 200)
            let ownSetting = try await harness.get("/api/v1/users/ann/settings", token: ann)
            #expect(ownSetting["displayNumber"] as? String == "own")
            let ownAgain = try await displayNumberOfACall(harness, token: ann)
            #expect(ownAgain == annMobile)
        }
    }

    /// The phones a direct call from outside to ann's mobile rings, as (number, device) pairs
    /// from its `call.ringing` events, checked against the call's ringing legs; the caller
    /// hangs up again.
    private func phonesRungByADirectCall(_ harness: APIHarness, token: String) async throws -> Set<[String]> {
        let arrived = try await harness.request(.post, "/api/v1/telephony/calls", token: telephony, json: #"{"from": "+4791111111", "to": "\#(annMobile)"}"#)
        #expect(arrived.status == 201, "\(arrived.text)")
        let answer = harness.object(arrived)
        let call = try #require(answer["callId"] as? String)
        let ringing = events("call.ringing", in: answer).compactMap { $0["data"] as? [String: Any] }
        #expect(ringing.allSatisfy { $0["user"] as? String == "ann" && $0["reason"] as? String == "direct" }, "\(ringing)")
        let active = try await harness.get("/api/v1/active-calls", token: token)
        let parties = (active["calls"] as? [[String: Any]] ?? []).first { $0["callId"] as? String == call }?["parties"] as? [[String: Any]] ?? []
        let ringingLegs = Set(parties.filter { $0["ringing"] as? Bool == true && $0["user"] as? String == "ann" }.compactMap { $0["leg"] as? String })
        #expect(ringingLegs == Set(ringing.compactMap { $0["leg"] as? String }), "the legs that ring are the ones the events name")
        #expect(try await harness.request(.post, "/api/v1/telephony/legs/\(call).0/hangup", token: telephony).status == 200)
        return Set(ringing.map { [$0["number"] as? String ?? "?", $0["device"] as? String ?? "?"] })
    }

    /// Guards PROF-7: with a mobile and an IP number, ann's direct calls ring both phones at
    /// once; after she turns parallel ringing off through the API with the IP phone as her
    /// transfer default, the API returns those choices and the next call rings only her IP
    /// phone first.
    @Test func theRingNumbersFollowParallelRingingSetThroughTheAPI() async throws {
        try await APIHarness.with { harness in
            let given = try await harness.request(.patch, "/api/v1/admin/users/ann", token: admin, json: #"{"ipNumber": "\#(annIP)"}"#)
            #expect(given.status == 200, "\(given.text)")
            let ann = try await harness.login(annMobile)
            let defaults = try await harness.get("/api/v1/users/ann/settings", token: ann)
            #expect(defaults["parallelRinging"] as? Bool == true, "on by default")
            let together = try await phonesRungByADirectCall(harness, token: ann)
            #expect(together == [[annMobile, "mobile"], [annIP, "ipNumber"]], "both phones at once")

            let changed = try await harness.request(
                .patch, "/api/v1/users/ann/settings", token: ann, json: #"{"parallelRinging": false, "transferDefault": "ipNumber"}"#)
            #expect(changed.status == 200, "\(changed.text)")
            let settings = try await harness.get("/api/v1/users/ann/settings", token: ann)
            #expect(settings["parallelRinging"] as? Bool == false && settings["transferDefault"] as? String == "ipNumber")
            let oneAtATime = try await phonesRungByADirectCall(harness, token: ann)
            #expect(oneAtATime == [[annIP, "ipNumber"]], "one at a time, the IP phone first")
        }
    }
}
