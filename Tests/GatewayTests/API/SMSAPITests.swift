import Foundation
import Gateway
import PeerSupport
import PluginKit
import SMSPlugin
import Storage
import Testing

/// SMS through the API (GW-3, DIR-2, LOG-3, PHONE-1, LOGIN-1, GW-6) with the log provider.
@Suite("SMS through the API", .serialized)
struct SMSAPITests {
    private static let smsPlugin = """
        [[plugins]]
        name = "sms"
        kind = "sms"
        types = ["notification.missedCall.requested"]
        provider = "log"
        unit_price_ore = 49
        """

    /// An `sms` instance whose provider is the generic HTTP gateway at `url`, posting
    /// `http_body`, with `more` configuration lines.
    static func httpPlugin(url: String, body: String = "to={to}&text={text}", more: String = "") -> String {
        """
        [[plugins]]
        name = "sms"
        kind = "sms"
        types = ["notification.missedCall.requested"]
        provider = "http"
        http_url = "\(url)"
        http_body = "\(body)"
        unit_price_ore = 49
        \(more)
        """
    }

    @Test func quotesCountPartsAndPriceAndNameTheUCS2Characters() async throws {
        try await APIHarness.with(extra: Self.smsPlugin) { harness in
            let read = APIHarness.keys["ACME_READ"]!
            let gsm = try await harness.request(.post, "/api/v1/sms/quote", token: read, json: #"{"text": "Hei på deg, ring meg"}"#)
            #expect(gsm.status == 200)
            #expect(harness.object(gsm)["encoding"] as? String == "GSM-7" && harness.object(gsm)["priceOre"] as? Int == 49)
            let dash = try await harness.request(.post, "/api/v1/sms/quote", token: read, json: #"{"text": "Tapt anrop – ring tilbake"}"#)
            #expect(harness.object(dash)["encoding"] as? String == "UCS-2")
            let characters = harness.object(dash)["ucs2Chars"] as? [[String: Any]] ?? []
            #expect(characters.first?["replacement"] as? String == "-")
            let empty = try await harness.request(.post, "/api/v1/sms/quote", token: read, json: #"{"text": ""}"#)
            #expect(empty.status == 422)
            let tooLong = try await harness.request(.post, "/api/v1/sms/quote", token: read, json: "{\"text\": \"\(String(repeating: "x", count: 1531 + 153))\"}")
            #expect(tooLong.status == 422, "more than the part limit is refused")
        }
    }

    @Test func smsGoesToColleaguesWithAMobileCallersAndNumbersAndIsBilledOnce() async throws {
        try await APIHarness.with(extra: Self.smsPlugin) { harness in
            let ann = try await harness.login("+4740010003")
            let colleague = try await harness.request(
                .post, "/api/v1/sms", token: ann, json: #"{"to": {"user": "bob"}, "text": "Møte kl 10"}"#, headers: ["Idempotency-Key": "sms-1"])
            #expect(colleague.status == 201, "\(colleague.text)")
            #expect(harness.object(colleague)["purpose"] as? String == "colleague" && harness.object(colleague)["netOre"] as? Int == 49)
            #expect(harness.object(colleague)["recipient"] as? String == "+47******04", "the number is there, masked: \(colleague.text)")
            let retried = try await harness.request(
                .post, "/api/v1/sms", token: ann, json: #"{"to": {"user": "bob"}, "text": "Møte kl 10"}"#, headers: ["Idempotency-Key": "sms-1"])
            #expect(retried.body == colleague.body)
            #expect(try await Self.ledger(harness, "purpose = 'colleague'") == [1, 49], "one row, charged 49 øre once")
            let telephony = APIHarness.keys["ACME_TELEPHONY"]!
            let arrived = try await harness.request(.post, "/api/v1/telephony/calls", token: telephony, json: #"{"from": "+4791234567", "to": "+4740011000"}"#)
            let call = try #require(harness.object(arrived)["callId"] as? String)
            #expect(try await harness.request(.post, "/api/v1/telephony/legs/\(call).0/hangup", token: telephony).status == 200)
            let caller = try await harness.request(.post, "/api/v1/sms", token: ann, json: #"{"to": {"call": "\#(call)"}, "text": "Vi ringer deg"}"#)
            #expect(caller.status == 201 && harness.object(caller)["purpose"] as? String == "caller", "LOG-3")
            let number = try await harness.request(.post, "/api/v1/sms", token: ann, json: #"{"to": {"number": "+4798765432"}, "text": "Hei"}"#)
            #expect(number.status == 201 && harness.object(number)["purpose"] as? String == "phone", "PHONE-1")
            let bad = try await harness.request(.post, "/api/v1/sms", token: ann, json: #"{"to": {"number": "12", "user": "bob"}, "text": ""}"#)
            #expect(bad.status == 422)
            let boss = try await harness.login("+4740010001")
            let billing = try await harness.request(
                .get, "/api/v1/admin/billing?from=2000-01-01&to=2100-01-01&groupBy=purpose&format=json", token: boss)
            #expect(billing.status == 200, "\(billing.text)")
            #expect(billing.text.contains("colleague") && billing.text.contains("caller"))
            #expect(try await Self.ledger(harness, "tenant = 'acme' AND status = 'accepted'") == [3, 147], "colleague, caller and phone, each billed once")
            let birk = try await harness.login("+4740020001")
            let other = try await harness.request(.get, "/api/v1/admin/billing?from=2000-01-01&to=2100-01-01&format=json", token: birk)
            #expect(!other.text.contains("colleague"), "another company's export has none of these")
            #expect(try await harness.request(.get, "/api/v1/admin/billing?from=yesterday", token: boss).status == 400)
            #expect(try await harness.request(.get, "/api/v1/admin/billing?from=%2B202-01-01&to=2100-01-01", token: boss).status == 400)
        }
    }

    /// The number of ledger rows matching `condition` and their summed net charge.
    private static func ledger(_ harness: APIHarness, _ condition: String) async throws -> [Int64] {
        try await harness.service.storage.database.access { database in
            let select = try database.prepare("SELECT count(*), coalesce(sum(net_ore), 0) FROM sms_ledger WHERE \(condition)")
            return try select.step() ? [select.int64(at: 0), select.int64(at: 1)] : []
        }
    }

    @Test func theSpendCapIs402AndAnUnreachableProviderIs503WithTheMessageKeptToSend() async throws {
        let capped = Self.smsPlugin + "\nmonthly_cap_ore = 49"
        try await APIHarness.with(extra: capped) { harness in
            let ann = try await harness.login("+4740010003")
            let first = try await harness.request(.post, "/api/v1/sms", token: ann, json: #"{"to": {"user": "bob"}, "text": "Hei"}"#)
            #expect(first.status == 201)
            let second = try await harness.request(.post, "/api/v1/sms", token: ann, json: #"{"to": {"user": "bob"}, "text": "Hei igjen"}"#)
            #expect(second.status == 402 && harness.problemType(second) == "spend-cap-reached", "\(second.text)")
            #expect(try await Self.ledger(harness, "tenant = 'acme'") == [1, 49], "the refused one is not recorded")
        }
        try await APIHarness.with(extra: Self.httpPlugin(url: "http://127.0.0.1:9/send")) { harness in
            let ann = try await harness.login("+4740010003")
            let down = try await harness.request(
                .post, "/api/v1/sms", token: ann, json: #"{"to": {"user": "bob"}, "text": "Hei"}"#, headers: ["Idempotency-Key": "down-1"])
            #expect(down.status == 503 && harness.problemType(down) == "sms-unavailable", "\(down.text)")
            let retried = try await harness.request(
                .post, "/api/v1/sms", token: ann, json: #"{"to": {"user": "bob"}, "text": "Hei"}"#, headers: ["Idempotency-Key": "down-1"])
            #expect(retried.status == 503 && retried.headers["Idempotent-Replayed"] == nil, "a 5xx answer is not kept: the retry ran again")
            let reserved = try await Self.ledger(harness, "tenant = 'acme' AND status = 'reserved'")
            #expect(reserved == [1, 0], "kept to be sent when the provider answers, not charged")
        }
    }

    /// An HTTP SMS gateway that holds each request until the gate file (its argument) exists,
    /// printing a line when a request arrives.
    static let gatedGateway = #"""
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        import os, sys, time
        gate = sys.argv[1]
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                print("received", flush=True)
                while not os.path.exists(gate):
                    time.sleep(0.02)
                answer = b'{"id": "gw-1"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            def log_message(self, *args):
                pass
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    @Test func aRetryWhileTheFirstRequestRunsIs409AndAfterItTheFirstAnswer() async throws {
        let gate = FileManager.default.temporaryDirectory.appendingPathComponent("sb-gate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: gate) }
        let gateway = try await LocalPeer(script: Self.gatedGateway, arguments: [gate])
        defer { gateway.stop() }
        let plugin = Self.httpPlugin(url: "http://127.0.0.1:\(gateway.port)/send", more: #"http_message_id_field = "id""#)
        try await APIHarness.with(extra: plugin) { harness in
            let ann = try await harness.login("+4740010003")
            let body = #"{"to": {"user": "bob"}, "text": "Hei"}"#
            let first = Task { try await harness.request(.post, "/api/v1/sms", token: ann, json: body, headers: ["Idempotency-Key": "slow-1"]) }
            #expect(await gateway.nextLine() == "received", "the first request is at the provider")
            let meanwhile = try await harness.request(.post, "/api/v1/sms", token: ann, json: body, headers: ["Idempotency-Key": "slow-1"])
            #expect(meanwhile.status == 409 && harness.problemType(meanwhile) == "idempotency-key-in-progress")
            #expect(FileManager.default.createFile(atPath: gate, contents: Data()))
            let answered = try await first.value
            #expect(answered.status == 201)
            let after = try await harness.request(.post, "/api/v1/sms", token: ann, json: body, headers: ["Idempotency-Key": "slow-1"])
            #expect(after.status == 201 && after.headers["Idempotent-Replayed"] == "true" && after.body == answered.body)
            #expect(try await Self.ledger(harness, "tenant = 'acme'") == [1, 49], "sent and charged once")
        }
    }

    @Test func loginCodesGoBySMSAndACallChannelIsRefusedWithoutAPlatform() async throws {
        try await APIHarness.with(extra: "[auth]\ncode_delivery = \"sms\"\n" + Self.smsPlugin) { harness in
            let sms = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003"}"#)
            #expect(sms.status == 202)
            var codes: Int64 = 0
            for _ in 0..<100 where codes == 0 {
                try await Task.sleep(for: .milliseconds(20))
                codes = try await harness.service.storage.database.access { database in
                    let select = try database.prepare("SELECT count(*) FROM sms_ledger WHERE tenant = 'acme' AND purpose = 'login-code' AND status = 'accepted'")
                    return try select.step() ? select.int64(at: 0) : 0
                }
            }
            #expect(codes == 1, "LOGIN-1: the code went by SMS, recorded and charged once")
            #expect(harness.lastCode() == nil, "with SMS delivery the code is not in the log")
            let call = try await harness.request(.post, "/api/v1/auth/login", json: #"{"phone": "+4740010003", "channel": "call"}"#)
            #expect(call.status == 422 && harness.problemType(call) == "channel-unavailable")
        }
    }

    @Test func statusCallbacksAreVerifiedAgainstTheConfiguredCallbackURL() async throws {
        let publicURL = "https://switchboard.example/api/v1/sms/status/twilio/sms"
        let twilio = """
            [[plugins]]
            name = "sms"
            kind = "sms"
            types = ["notification.missedCall.requested"]
            provider = "twilio"
            twilio_account_sid = "AC0123"
            twilio_auth_token = "env:ACME_READ"
            twilio_base_url = "http://127.0.0.1:9"
            twilio_status_callback_url = "\(publicURL)"
            """
        try await APIHarness.with(extra: twilio) { harness in
            let fields = [("MessageSid", "SM1"), ("MessageStatus", "delivered")]
            let body = Array("MessageSid=SM1&MessageStatus=delivered".utf8)
            let form: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            let secret = Secret(APIHarness.keys["ACME_READ"]!, from: .environment("ACME_READ"))
            let signed = try TwilioSignature.signature(url: publicURL, fields: fields, authToken: secret)
            var good = form
            good["X-Twilio-Signature"] = signed
            #expect(try await harness.request(.post, "/api/v1/sms/status/twilio/sms", headers: good, body: body).status == 204)
            var local = form
            local["X-Twilio-Signature"] = try TwilioSignature.signature(
                url: "http://127.0.0.1:\(harness.port)/api/v1/sms/status/twilio/sms", fields: fields, authToken: secret)
            #expect(try await harness.request(.post, "/api/v1/sms/status/twilio/sms", headers: local, body: body).status == 403, "Twilio signed the public URL")
            var forged = form
            forged["X-Twilio-Signature"] = "AAAA"
            #expect(try await harness.request(.post, "/api/v1/sms/status/twilio/sms", headers: forged, body: body).status == 403)
            #expect(try await harness.request(.post, "/api/v1/sms/status/twilio/none", body: Array("a=b".utf8)).status == 403, "an unknown instance looks like a bad signature")
        }
    }
}
