import PluginKit
import Synchronization
import Testing

/// What the services of one test did, in order.
private final class Journal: Sendable {
    private let entries = Mutex<[String]>([])
    func record(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

/// A service that records its steps, and fails where told.
private struct Recording: Service {
    let name: String
    let journal: Journal
    var failsToStart = false
    var failsAfter: Duration?

    struct Failure: Error {}

    func start() async throws {
        if failsToStart { throw Failure() }
        journal.record("start \(name)")
    }

    func run() async throws {
        if let failsAfter {
            try await Task.sleep(for: failsAfter)
            journal.record("fail \(name)")
            throw Failure()
        }
        await waitUntilCancelled()
        journal.record("stop \(name)")
    }

    func beginShutdown() { journal.record("shutdown begins at \(name)") }
}

@Suite("Service group: start in order, stop in reverse")
struct ServiceGroupTests {
    @Test func servicesStartInOrderAndStopInReverseAfterEveryOneIsToldShutdownBegins() async throws {
        let journal = Journal()
        let started = Mutex(false)
        let group = ServiceGroup(["log", "plugins", "http"].map { Recording(name: $0, journal: journal) })
        let running = Task { try await group.run { started.withLock { $0 = true } } }
        while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
        #expect(journal.all == ["start log", "start plugins", "start http"])
        running.cancel()
        try await running.value
        #expect(journal.all.dropFirst(3) == [
            "shutdown begins at http", "shutdown begins at plugins", "shutdown begins at log", "stop http", "stop plugins", "stop log",
        ])
    }

    @Test func aServiceThatCannotStartStopsThoseStartedBeforeItAndNothingAfterItStarts() async throws {
        let journal = Journal()
        let group = ServiceGroup([
            Recording(name: "log", journal: journal), Recording(name: "http", journal: journal, failsToStart: true),
            Recording(name: "engines", journal: journal),
        ])
        let error = await #expect(throws: ServiceGroupError.self) { try await group.run() }
        #expect(error?.service == "http" && error?.phase == .start)
        #expect(journal.all == ["start log", "shutdown begins at log", "stop log"])
    }

    @Test func aServiceThatFailsWhileRunningStopsTheGroup() async throws {
        let journal = Journal()
        let group = ServiceGroup([
            Recording(name: "log", journal: journal), Recording(name: "sender", journal: journal, failsAfter: .milliseconds(20)),
            Recording(name: "http", journal: journal),
        ])
        let error = await #expect(throws: ServiceGroupError.self) { try await group.run() }
        #expect(error?.service == "sender" && error?.phase == .run)
        #expect(journal.all.last == "stop log", "the group stopped by itself, everything in reverse: \(journal.all)")
        #expect(journal.all.contains("stop http"))
    }
}
