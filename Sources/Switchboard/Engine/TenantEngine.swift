/// One company's engine: an actor owning its `SwitchboardState`. A command is one hop to
/// the actor and returns all its events as one batch, in order, for the log writer, with
/// the telephony commands for the driver.
public actor TenantEngine {
    /// The current state (a value: snapshot it, compare it, restore from it).
    public private(set) var state: SwitchboardState

    /// A fresh engine for `directory` with its clock at `start`.
    public init(directory: TenantDirectory, start: Timestamp) {
        state = SwitchboardState(directory: directory, start: start)
    }

    /// An engine continuing from a snapshot.
    public init(restoring state: SwitchboardState) {
        self.state = state
    }

    /// Applies `command` at `now`; a refused command throws and changes nothing.
    public func perform(_ command: SwitchboardCommand, at now: Timestamp) throws(SwitchboardError) -> SwitchboardEffects {
        try state.handle(command, at: now)
    }

    /// Fires the timers due at or before `now`.
    public func advance(to now: Timestamp) -> SwitchboardEffects {
        state.advance(to: now)
    }
}
