import Foundation
import HTTPClient
import PeerSupport
import PluginKit
import Testing

@Suite("SMTPSender against aiosmtpd")
struct SMTPSenderTests {
    struct Received: Decodable {
        let from: String
        let to: [String]
        let content: String
        let user: Bool
    }

    @Test("sends a message with AUTH and the server receives it intact")
    func send() async throws {
        let server = try await LocalPeer(script: PeerScripts.smtpServer, requiring: "aiosmtpd")
        defer { server.stop() }
        let sender = SMTPSender(
            configuration: SMTPConfiguration(
                url: "smtp://127.0.0.1:\(server.port)", username: "mailer", password: "smtp-password-123",
                requiresTLS: false, timeout: .seconds(10)))
        let content = Array("From: varsel@example.no\r\nTo: kari@example.no\r\nSubject: Test\r\n\r\nHei Kari\r\n.leading dot\r\n".utf8)
        try await sender.send(
            SMTPMessage(sender: "varsel@example.no", recipients: ["kari@example.no", "ola@example.no"], content: content))

        let line = try #require(await server.nextLine())
        let received = try JSONDecoder().decode(Received.self, from: Data(line.utf8))
        #expect(received.from == "varsel@example.no")
        #expect(received.to == ["kari@example.no", "ola@example.no"])
        #expect(received.user)
        #expect(Array(Data(base64Encoded: received.content) ?? Data()) == content)
    }

    @Test("a refused connection fails without showing the password")
    func refused() async throws {
        let server = try await LocalPeer(script: PeerScripts.smtpServer, requiring: "aiosmtpd")
        let port = server.port
        await server.stopAndWait()
        let configuration = SMTPConfiguration(
            url: "smtp://127.0.0.1:\(port)", username: "mailer", password: "smtp-password-123", requiresTLS: false)
        let error = await #expect(throws: TransferError.self) {
            try await SMTPSender(configuration: configuration)
                .send(SMTPMessage(sender: "a@example.no", recipients: ["b@example.no"], content: Array("x\r\n".utf8)))
        }
        #expect(error?.code == .couldNotConnect)
        #expect(!"\(String(describing: error)) \(configuration)".contains("smtp-password-123"))
    }

    @Test("addresses that could inject SMTP commands are refused")
    func badAddress() async throws {
        let sender = SMTPSender(configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", requiresTLS: false))
        let error = await #expect(throws: TransferError.self) {
            try await sender.send(
                SMTPMessage(sender: "a@example.no", recipients: ["b@example.no>\r\nRCPT TO:<c@example.no"], content: []))
        }
        #expect(error?.code == .invalidRequest)
    }
}
