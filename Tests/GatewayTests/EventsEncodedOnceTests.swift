import Foundation
import Gateway
import PluginKit
import Storage
import Switchboard
import Testing

/// The engine's events are encoded once: the log stores the engine's text, and the stream
/// sends the envelope around it. What the stream sends must be the bytes it sent when it
/// decoded the data and encoded the whole envelope again with JSONEncoder.
@Suite("Events encoded once: through the runtime, the log and the stream's JSON")
struct EventsEncodedOnceTests {
    static let directory = """
        [[tenants]]
        id = "acme"
        name = "Acme AS"
        [[tenants.users]]
        id = "kari"
        name = "Kari"
        mobile = "400 00 001"
        role = "admin"
        [[tenants.queues]]
        id = "support"
        name = "Support"
        main_number = "21 00 00 00"
        members = [{ user = "kari" }]
        """

    @Test func theStoredTextIsTheEnginesAndTheStreamSendsJSONEncodersBytes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try EventLog.open(path: folder.appendingPathComponent("log.sqlite").path)
        let configuration = try GatewayConfiguration.parse(Self.directory, file: "test.toml")
        let start = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
        let runtime = try await TenantRuntime.start(directory: try configuration.tenants[0].makeDirectory(), log: log, now: start)
        let caller = try PhoneNumber(parsing: "+4791234567")
        var performed: [EventEnvelope] = []
        performed += try await runtime.perform(
            .addComment(number: caller, text: "\"Sitat\" \\ a/b\tblåbær\u{1}\u{8} 🙂", by: UserID("kari")),
            at: start + .seconds(1))
        performed += try await runtime.perform(.logIn(user: UserID("kari"), queue: QueueID("support"), by: UserID("kari")), at: start + .seconds(2))
        performed += try await runtime.perform(.telephony(.arrived(from: caller, to: try PhoneNumber(parsing: "21000000"))), at: start + .seconds(3))
        #expect(performed.map(\.type).contains("call.incoming"))

        let stored = try await log.events(after: 0).filter { $0.type != "engine.command" }
        #expect(stored.map(\.id) == performed.map(\.id))
        #expect(stored.map(\.dataJSON) == performed.map(\.dataJSON))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for event in stored {
            let decodedAndEncodedAgain = EventEnvelope(
                seq: event.seq, id: event.id, type: event.type, tenant: event.tenant, occurredAt: event.occurredAt,
                callId: event.callId, callSeq: event.callSeq, data: event.data)
            #expect(event.json == Array(try encoder.encode(decodedAndEncodedAgain)), "\(event.type)")
            #expect(Array(event.dataJSON.utf8) == Array(try encoder.encode(event.data)))
        }
    }
}
