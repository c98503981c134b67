import Foundation
import PluginKit
import Testing

/// CMT-1 through the API (issue 18): a comment on a caller's number is the whole company's,
/// and only that company's.
@Suite("CMT-1 caller comments through the API and the event stream", .serialized)
struct CallerCommentTests {
    private let caller = "+4791234567"
    private let text = "Vil ha tilbud på sentralbord, ring før kl. 12"

    /// The comment's fields as the API shows them, or nil if `value` is not a comment object.
    private func comment(_ value: Any?) -> [String: String]? {
        guard let object = value as? [String: Any] else { return nil }
        return ["number": object["number"] as? String ?? "", "text": object["text"] as? String ?? "", "author": object["author"] as? String ?? ""]
    }

    /// The `call.incoming` event of `call` among `events`.
    private func incoming(_ call: String, in events: [[String: Any]]) -> [String: Any]? {
        events.first { $0["type"] as? String == "call.incoming" && $0["callId"] as? String == call }
    }

    /// Guards CMT-1: the comment ann adds is listed for bob (same company) by `GET /comments`,
    /// and comes with the next call from that number in the `call.incoming` bob reads from
    /// the event poll; a call from another number carries none; a user of another company
    /// finds no comment on the number, and her company's call from it carries none.
    @Test func aCommentIsSeenByColleaguesOnTheNextCallAndByNoOtherCompany() async throws {
        try await APIHarness.with { harness in
            let ann = try await harness.login("+4740010003")
            let bob = try await harness.login("+4740010004")
            let birkAnn = try await harness.login("+4740020003")
            // birk's ann follows her company's events from one of its calls on, so what she
            // reads later comes from the feed's memory, which holds every company's events.
            let birkTelephony = try #require(APIHarness.keys["BIRK_TELEPHONY"])
            let earlier = try await harness.request(.post, "/api/v1/telephony/calls", token: birkTelephony, json: #"{"from": "+4791234569", "to": "+4740021000"}"#)
            let earlierCall = try #require(harness.object(earlier)["callId"] as? String)
            let birkPosition = try await harness.pollEvents(after: 0, token: birkAnn) { incoming(earlierCall, in: $0) != nil }.next
            let added = try await harness.request(.post, "/api/v1/comments", token: ann, json: #"{"number": "\#(caller)", "text": "\#(text)"}"#)
            #expect(added.status == 201, "\(added.text)")
            let expected = ["number": caller, "text": text, "author": "ann"]

            let listed = try await harness.get("/api/v1/comments?number=%2B4791234567", token: bob)
            #expect((listed["comments"] as? [Any] ?? []).map(comment) == [expected], "bob sees ann's comment through the API")
            let elsewhere = try await harness.get("/api/v1/comments?number=%2B4791234567", token: birkAnn)
            #expect((elsewhere["comments"] as? [Any])?.isEmpty == true, "another company has no comment on the number: \(elsewhere)")

            let acmeTelephony = try #require(APIHarness.keys["ACME_TELEPHONY"])
            let fromCaller = try await harness.request(.post, "/api/v1/telephony/calls", token: acmeTelephony, json: #"{"from": "\#(caller)", "to": "+4740011000"}"#)
            let fromOther = try await harness.request(.post, "/api/v1/telephony/calls", token: acmeTelephony, json: #"{"from": "+4791234568", "to": "+4740011000"}"#)
            let call = try #require(harness.object(fromCaller)["callId"] as? String)
            let otherCall = try #require(harness.object(fromOther)["callId"] as? String)
            let seenByBob = try await harness.pollEvents(after: 0, token: bob) { events in
                incoming(call, in: events) != nil && incoming(otherCall, in: events) != nil
            }.events
            let shown = (incoming(call, in: seenByBob)?["data"] as? [String: Any])?["comments"] as? [Any] ?? []
            #expect(shown.map(comment) == [expected], "the next call from the number shows bob ann's comment")
            let notShown = (incoming(otherCall, in: seenByBob)?["data"] as? [String: Any])?["comments"] as? [Any]
            #expect(notShown?.isEmpty == true, "a call from another number shows none: \(String(describing: notShown))")

            let atBirk = try await harness.request(.post, "/api/v1/telephony/calls", token: birkTelephony, json: #"{"from": "\#(caller)", "to": "+4740021000"}"#)
            let birkCall = try #require(harness.object(atBirk)["callId"] as? String)
            let seenAtBirk = try await harness.pollEvents(after: birkPosition, token: birkAnn) { incoming(birkCall, in: $0) != nil }.events
            let birkShown = (incoming(birkCall, in: seenAtBirk)?["data"] as? [String: Any])?["comments"] as? [Any]
            #expect(birkShown?.isEmpty == true, "the same number calling another company shows no comment: \(String(describing: birkShown))")
            #expect(seenAtBirk.allSatisfy { $0["tenant"] as? String == "birk" }, "nor any of acme's events")
            #expect(!seenAtBirk.contains { $0["type"] as? String == "comment.added" })
        }
    }
}
