import Foundation
public import PluginKit
public import Storage
public import Switchboard
import Synchronization

/// One company's running engine: its state and call log projection, its journal in the
/// event log.
///
/// Commands are taken one at a time: a command is applied to a copy of the state and its
/// events (with its journal entry) are appended to the event log before the next command
/// starts, so the log's order is the engine's order; the copy becomes the state reads see only
/// once the log has made the events durable, and only then is the command acknowledged. (Other companies' commands share the log's group commits.) If the log
/// fails, the tenant stops accepting commands (its memory is ahead of the disk) until a
/// restart replays the journal.
public actor TenantRuntime {
    /// The company.
    public let tenant: TenantID
    private var state: SwitchboardState
    /// The call log projection (LOG-1..3), kept from the same events.
    private var callLog: CallLog
    private let log: EventLog
    private var journalNumber: Int64
    private var failed = false
    private var telephony: (@Sendable (SwitchboardEffects) async -> Void)?
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let changes = Atomic<UInt64>(0)

    private init(state: SwitchboardState, callLog: CallLog, log: EventLog, journalNumber: Int64) {
        tenant = state.directory.tenant
        self.state = state
        self.callLog = callLog
        self.log = log
        self.journalNumber = journalNumber
    }

    /// Starts `directory`'s engine: replays its journal from the log, or begins a journal.
    ///
    /// - Throws: `JournalMismatchError` when the journal was written with another directory
    ///   (users or queues changed in config.toml) or does not replay; the log's errors.
    public static func start(directory: TenantDirectory, log: EventLog, now: Timestamp) async throws -> TenantRuntime {
        let tenant = directory.tenant.rawValue
        var entries: [EngineJournal.Entry] = []
        var after: Int64 = 0
        while true {
            let page = try await log.events(after: after, tenant: tenant, types: [EngineJournal.eventType], limit: 5000)
            guard let last = page.last else { break }
            entries += try page.map(EngineJournal.entry(of:))
            after = last.seq
        }
        let fingerprint = try EngineJournal.fingerprint(of: directory)
        guard let first = entries.first else {
            let runtime = TenantRuntime(
                state: SwitchboardState(directory: directory, start: now), callLog: CallLog(), log: log, journalNumber: 0)
            let start = EngineJournal.Entry(at: now.millisecondsSinceEpoch, command: nil, directory: fingerprint)
            try await runtime.journal(start, effects: SwitchboardEffects(), making: runtime.state)
            return runtime
        }
        guard first.directory == fingerprint else {
            throw JournalMismatchError(tenant: tenant, reason: .directoryChanged)
        }
        var state = SwitchboardState(directory: directory, start: Timestamp(millisecondsSinceEpoch: first.at))
        var callLog = CallLog()
        for (index, entry) in entries.enumerated() {
            let at = Timestamp(millisecondsSinceEpoch: entry.at)
            var effects = state.advance(to: at)
            if let command = entry.command {
                do {
                    effects.append(try state.handle(command, at: at))
                } catch {
                    throw JournalMismatchError(tenant: tenant, reason: .entryRefused(number: index + 1, error.description))
                }
            }
            effects.events.forEach { callLog.apply($0) }
        }
        return TenantRuntime(state: state, callLog: callLog, log: log, journalNumber: Int64(entries.count))
    }

    /// Counts the committed changes of the state and the call log, readable without waiting
    /// for the actor: each change counts when it becomes visible, in the same turn, so a read that
    /// follows a look at the version sees at least that version's state. Equal versions mean
    /// equal reads, which lets answers to queries be reused (``ResponseCache``).
    public nonisolated var version: UInt64 { changes.load(ordering: .acquiring) }

    /// Where the engine's telephony commands go (the platform driver); set once at start.
    public func connectTelephony(_ driver: @escaping @Sendable (SwitchboardEffects) async -> Void) {
        telephony = driver
    }

    /// Applies `command` at `at` (default: now, never before the engine's clock) after
    /// firing due timers; returns the command's events once they are durable.
    ///
    /// - Throws: `SwitchboardError` when the engine refuses the command (nothing of it is
    ///   kept), or the log's error when the events could not be made durable.
    @discardableResult
    public func perform(_ command: SwitchboardCommand, at requested: Timestamp? = nil) async throws -> [EventEnvelope] {
        await takeTurn()
        defer { endTurn() }
        try checkHealthy()
        let now = max(requested ?? Timestamp.now, state.clock)
        var next = state
        var effects = next.advance(to: now)
        do {
            effects.append(try next.handle(command, at: now))
        } catch {
            if effects.events.isEmpty {
                commit(next, effects: effects)
            } else {
                try await journal(EngineJournal.Entry(at: now.millisecondsSinceEpoch, command: nil), effects: effects, making: next)
            }
            throw error
        }
        return try await journal(EngineJournal.Entry(at: now.millisecondsSinceEpoch, command: command), effects: effects, making: next)
    }

    /// Fires the timers due by now; returns when their events are durable.
    public func tick() async throws {
        await takeTurn()
        defer { endTurn() }
        try checkHealthy()
        let now = max(Timestamp.now, state.clock)
        guard let due = state.nextTimerDue, due <= now else { return }
        var next = state
        let effects = next.advance(to: now)
        try await journal(EngineJournal.Entry(at: now.millisecondsSinceEpoch, command: nil), effects: effects, making: next)
    }

    /// Whether the engine stopped taking commands because the event log failed under it.
    public var isFailed: Bool { failed }

    /// When the next timer is due, if any.
    public var nextTimerDue: Timestamp? { state.nextTimerDue }

    /// A read of the engine's state (queries, snapshots).
    public func read<Result: Sendable>(_ body: @Sendable (SwitchboardState) -> Result) -> Result { body(state) }

    /// A read of the call log projection.
    public func readCallLog<Result: Sendable>(_ body: @Sendable (CallLog) -> Result) -> Result { body(callLog) }

    /// Makes `entry` and the events of `effects` durable, then makes `next` the state every
    /// read sees: nothing reads a change before the log has committed it, so no client is
    /// shown a state a restart would not have.
    @discardableResult
    private func journal(_ entry: EngineJournal.Entry, effects: SwitchboardEffects, making next: SwitchboardState) async throws -> [EventEnvelope] {
        let appended: [EventEnvelope]
        do {
            let batch = try [EngineJournal.event(entry, number: journalNumber + 1, tenant: tenant.rawValue)]
                + effects.events.map { try $0.newEvent() }
            appended = try await log.append(batch)
        } catch {
            // The log may hold the entry or not (a failed commit can still have reached the
            // disk): stop until a restart replays the journal.
            failed = true
            throw error
        }
        journalNumber += 1
        commit(next, effects: effects)
        if let telephony, !effects.telephony.isEmpty || !effects.events.isEmpty { await telephony(effects) }
        return Array(appended.dropFirst())
    }

    /// Makes `next` (and the call log with the events of `effects`) what reads see, in one
    /// turn of the actor.
    private func commit(_ next: SwitchboardState, effects: SwitchboardEffects) {
        state = next
        effects.events.forEach { callLog.apply($0) }
        changes.add(1, ordering: .releasing)
    }

    private func checkHealthy() throws(EngineUnavailableError) {
        if failed { throw EngineUnavailableError(tenant: tenant.rawValue) }
    }

    /// Waits until no other command of this tenant is between its start and its durable end.
    private func takeTurn() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func endTurn() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
