import Foundation
import PluginKit
import PluginKitTesting
import Testing
import WebhookPlugin

@Suite("Webhook request: headers, timestamp, Retry-After forms")
struct WebhookRequestTests {
    @Test func headersCarryTheIDTheClockSecondsAndOneSignaturePerKey() throws {
        let plugin = try WebhookFixture.plugin(
            url: "https://crm.example/hook", secrets: [try WebhookFixture.newSecret(), try WebhookFixture.newSecret()],
            timeout: .seconds(3))
        let clock = ManualPluginClock(now: Date(timeIntervalSince1970: 1_800_000_000.9))
        let request = try plugin.signedRequest(for: WebhookFixture.event("evt-9"), sentAt: clock.now())
        #expect(request.method == .post)
        #expect(request.url == "https://crm.example/hook")
        #expect(request.timeout == .seconds(3))
        #expect(request.maximumRedirects == 0)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["webhook-id"] == "evt-9")
        #expect(request.headers["webhook-timestamp"] == "1800000000")
        let signatures = try #require(request.headers["webhook-signature"]).split(separator: " ")
        #expect(signatures.count == 2)
        #expect(signatures.allSatisfy { $0.hasPrefix("v1,") && Data(base64Encoded: String($0.dropFirst(3)))?.count == 32 })
        let body = try #require(request.body)
        #expect(try JSONDecoder().decode(EventEnvelope.self, from: Data(body)) == WebhookFixture.event("evt-9"))
    }

    @Test func retryAfterAcceptsSecondsAndTheThreeHTTPDateForms() {
        let now = Date(timeIntervalSince1970: 784_111_717)  // Sun, 06 Nov 1994 08:48:37 GMT
        func after(_ value: String) -> PluginError.Kind {
            let response = HTTPClientResponse(status: 429, headers: ["Retry-After": value], body: [])
            guard case .failure(let error) = WebhookResponsePolicy.outcome(of: response, now: now) else { return .permanent }
            return error.kind
        }
        #expect(after("120") == .rateLimited(retryAfter: .seconds(120)))
        #expect(after("Sun, 06 Nov 1994 08:49:37 GMT") == .rateLimited(retryAfter: .seconds(60)))
        #expect(after("Sunday, 06-Nov-94 08:50:37 GMT") == .rateLimited(retryAfter: .seconds(120)))
        #expect(after("Sun Nov  6 08:51:37 1994") == .rateLimited(retryAfter: .seconds(180)))
        #expect(after("Sat, 05 Nov 1994 08:49:37 GMT") == .rateLimited(retryAfter: .seconds(0)))
        #expect(after("soon, please") == .rateLimited(retryAfter: nil))
        #expect(after("99999999999") == .rateLimited(retryAfter: .seconds(86_400)))
    }

    @Test func unusableStatusesAreTransient() {
        for status in [100, 199, 600, 999] {
            let outcome = WebhookResponsePolicy.outcome(of: HTTPClientResponse(status: status, headers: [:], body: []), now: Date())
            guard case .failure(let error) = outcome else {
                Issue.record("status \(status) was delivered")
                continue
            }
            #expect(error.kind == .transient)
        }
    }

    @Test func transferFailuresAreTransientExceptAnUnsendableRequest() {
        for code in [TransferError.Code.timeout, .couldNotConnect, .couldNotResolveHost, .tls, .transfer, .invalidURL, .responseTooLarge, .cancelled] {
            #expect(WebhookResponsePolicy.error(for: TransferError(code: code, message: "x")).kind == .transient, "\(code)")
        }
        #expect(WebhookResponsePolicy.error(for: TransferError(code: .invalidRequest, message: "x")).kind == .permanent)
    }
}
