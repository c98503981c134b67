import Foundation
import Gateway
import PeerSupport
import PluginKit
import Storage
import Switchboard
import Testing

private let directoryText = """
    [[tenants]]
    id = "acme"
    name = "Acme AS"
    [[tenants.users]]
    id = "kari"
    name = "Kari"
    mobile = "400 00 001"
    role = "admin"
    [[tenants.users]]
    id = "ola"
    name = "Ola"
    mobile = "400 00 002"
    [[tenants.users]]
    id = "per"
    name = "Per"
    mobile = "400 00 003"
    [[tenants.queues]]
    id = "support"
    name = "Support"
    main_number = "21 00 00 00"
    ring_timeout_seconds = 15
    members = [{ user = "kari" }, { user = "ola", priority = 2 }, { user = "per" }]
    """

/// A crash can stop the log after any committed batch (a batch commits whole): the engine
/// restarted from a log cut there must have exactly the state it had after that command
/// (issue 18). A command that wrote nothing leaves no batch, so no cut.
@Suite("Journal replay from a cut after any command equals the live state")
struct JournalReplayPropertyTests {
    static let users = ["kari", "ola", "per"].map(UserID.init)
    static let statuses: [AvailabilityStatus] = [.available, .busy, .inMeeting, .away, .offWork]

    /// A random command: most name calls and legs that may not exist, so many are refused
    /// (a refusal still journals the timers it fired).
    static func command(_ random: inout SeededRandom, calls: Int) throws -> SwitchboardCommand {
        let user = users.randomElement(using: &random)!
        let call = CallID("call-\(Int.random(in: 1...max(1, calls + 1), using: &random))")!
        let leg = LegID(call: call, index: Int.random(in: 0...3, using: &random))
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1:
            let to = Bool.random(using: &random) ? "21000000" : "4000000\(Int.random(in: 1...3, using: &random))"
            return .telephony(.arrived(from: try PhoneNumber(parsing: "+479\(Int.random(in: 1_000_000...9_999_999, using: &random))"), to: try PhoneNumber(parsing: to)))
        case 2: return .telephony(.answered(leg))
        case 3: return .telephony(.hungUp(leg))
        case 4: return .logIn(user: user, queue: QueueID("support"), by: user)
        case 5: return .logOut(user: user, queue: QueueID("support"), by: user)
        case 6: return .setAvailability(user: user, availability: Availability(statuses.randomElement(using: &random)!), by: user)
        case 7: return .pickUp(call: call, by: user)
        case 8: return .hangUp(call: call, by: user)
        default: return .hold(call: call, by: user)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everyCutReplaysToTheStateAfterItsCommand(seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        let directory = try GatewayConfiguration.parse(directoryText, file: "test.toml").tenants[0].makeDirectory()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try EventLog.open(path: folder.appendingPathComponent("live.sqlite").path)
        var clock = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
        let runtime = try await TenantRuntime.start(directory: directory, log: log, now: clock)
        var cuts: [(seq: Int64, state: SwitchboardState, log: CallLog)] = []
        var arrivals = 0
        var accepted = 0
        for _ in 0..<120 {
            clock = Timestamp(millisecondsSinceEpoch: clock.millisecondsSinceEpoch + Int64.random(in: 0...20_000, using: &random))
            let command = try Self.command(&random, calls: arrivals)
            if case .telephony(.arrived) = command { arrivals += 1 }
            if (try? await runtime.perform(command, at: clock)) != nil { accepted += 1 }
            // A command that wrote nothing (refused, no timer due) leaves no cut of its own.
            guard log.lastSeq > (cuts.last?.seq ?? 0) else { continue }
            cuts.append((log.lastSeq, await runtime.read { $0 }, await runtime.readCallLog { $0 }))
        }
        #expect(accepted > 20, "the commands did something: \(accepted) accepted")
        let events = try await log.events(after: 0, limit: 100_000)
        for _ in 0..<6 {
            let cut = cuts.randomElement(using: &random)!
            let copy = try EventLog.open(path: folder.appendingPathComponent("cut-\(cut.seq)-\(UUID().uuidString).sqlite").path)
            _ = try await copy.append(events.filter { $0.seq <= cut.seq }.map(\.unsequenced))
            let replayed = try await TenantRuntime.start(directory: directory, log: copy, now: clock)
            #expect(await replayed.read { $0 } == cut.state, "seed \(seed), cut after seq \(cut.seq)")
            #expect(await replayed.readCallLog { $0 } == cut.log, "seed \(seed), cut after seq \(cut.seq)")
        }
    }
}
