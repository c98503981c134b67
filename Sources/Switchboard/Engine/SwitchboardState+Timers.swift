extension SwitchboardState {
    /// A timer is due: apply its transition if it still applies.
    mutating func fire(_ timer: EngineTimer, into step: inout Step) {
        switch timer.kind {
        case .ringTimeout(let leg): ringTimedOut(leg, into: &step)
        case .maxWait(let call, let entry): maxWaitPassed(call, entry: entry, into: &step)
        case .assistantInput(let call): assistantTimedOut(call, due: timer.due, into: &step)
        case .wrapUpEnd(let user): wrapUpEnded(user, due: timer.due, into: &step)
        case .statusExpiry(let user): statusExpired(user, due: timer.due, into: &step)
        }
    }
}
