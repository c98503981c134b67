import Foundation
import Gateway
import PluginKit
import SMSPlugin
import Storage
import Testing

@Suite("GW-3 the gateway composes the SMS plugin with the SQLite ledger", .serialized)
struct SMSGatewayTests {
    @Test func missedCallEventsAndAPISendsReachTheLedger() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-sms-\(UUID().uuidString)")
        let text = """
            [server]
            listen = "127.0.0.1:0"
            [storage]
            data_directory = "\(folder.path)/data"
            [[tenants]]
            id = "acme"
            name = "Acme AS"
            [[tenants.users]]
            id = "ann"
            name = "Ann"
            department = "sales"
            mobile = "911 00 001"
            [[plugins]]
            name = "sms"
            kind = "sms"
            types = ["notification.missedCall.requested"]
            merge_window_seconds = 0
            """
        let configuration = try GatewayConfiguration.parse(text, file: folder.path + "/config.toml")
        let gateway = try await GatewayService(configuration: configuration, logger: Logger(label: "test", sink: InMemoryLogSink()))
        try await gateway.start()
        let service = try #require((configuration.plugins.first?.plugin as? SMSPlugin)?.service, "the kind's start attached the ledger")

        let sent = try await service.send(
            SMSSendRequest(requestID: "api-1", tenant: "acme", user: "ann", purpose: .colleague, recipient: "+4791100002", text: "Hei"))
        #expect(sent.status == .accepted && sent.provider == "log" && sent.department == "sales")

        _ = try await gateway.storage.log.append([
            NewEvent(
                id: "acme:mc-1", type: MissedCallNotice.eventType, tenant: "acme", occurredAt: Date(),
                data: ["user": .string("ann"), "to": .string("+4791100001"), "from": .string("+4722334455"), "language": .string("nb")]),
        ])
        var notice: SMSLedgerRecord?
        for _ in 0..<200 {
            notice = try await service.ledger.record(forKey: "acme:mc-1|+4791100001|missed-call")
            if notice?.status == .accepted { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(notice?.status == .accepted && notice?.netOre == 49 && notice?.department == "sales")
        await gateway.shutdown()
    }
}
