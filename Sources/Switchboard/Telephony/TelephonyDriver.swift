/// Connects a company's engine to a telephony platform (DESIGN decision 4).
///
/// Calls in: the driver turns the platform's happenings into `TelephonySignal`s and hands
/// them to the engine as `SwitchboardCommand.telephony`. Commands out: the engine returns
/// `TelephonyCommand`s with every step; the host passes them to `perform(_:at:)` in order.
///
/// Implementation requirements:
/// - Signal only about legs the engine created (`ring`) or the leg 0 of an `arrived` call,
///   and never about a leg after `hangUp(leg)` was performed for it.
/// - Report each leg's `answered` at most once and its `hungUp` at most once.
/// - `perform` must not call back into the engine; deliver signals later, as commands.
public protocol TelephonyDriver {
    /// Carries out one command at time `now`.
    mutating func perform(_ command: TelephonyCommand, at now: Timestamp)
}
