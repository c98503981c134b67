import Foundation
import PeerSupport
import Testing

/// A client without a token cannot make the gateway hold a body (issue 11, item 2): the
/// refusal comes from the head, before a byte of the body is read.
@Suite("Requests without a token are refused before their body")
struct EarlyRefusalTests {
    @Test func aBodyWithoutATokenIsRefusedFromTheHead() async throws {
        try await APIHarness.with { harness in
            let port = harness.port
            let (anonymous, closed, bogus) = try await offPool { () -> (RawResponse, Bool, RawResponse) in
                let connection = try RawHTTPConnection(port: port)
                // The head announces 983,040 bytes; none are sent.
                try connection.send("POST /api/v1/comments HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 983040\r\n\r\n")
                let anonymous = try connection.readResponse()
                let closed = try connection.closesAfterDiscardingTheRest()
                // A token is only checked once the body is read: the head is admitted.
                let withToken = try RawHTTPConnection(port: port)
                try withToken.send(
                    "POST /api/v1/comments HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer sbk_unknown\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
                return (anonymous, closed, try withToken.readResponse(bodyExpected: false))
            }
            #expect(anonymous.status == 401)
            #expect(try JSONSerialization.jsonObject(with: anonymous.body) as? [String: Any] != nil)
            #expect(closed)
            #expect(bogus.status == 100)
        }
    }
}
