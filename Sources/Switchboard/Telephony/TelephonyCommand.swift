/// What the engine asks the telephony platform to do (the commands out of the driver
/// protocol). Commands come in the order the engine decided them.
public enum TelephonyCommand: Sendable, Hashable, Codable {
    /// Place a new leg to `number`, showing `callerID`; report `answered` or `hungUp` for it.
    case ring(LegID, number: PhoneNumber, callerID: PhoneNumber)
    /// Play `prompt` on a leg (a previous prompt on it stops).
    case play(LegID, Prompt)
    /// Connect two legs so their parties talk (ends hold and prompts on both).
    case bridge(LegID, LegID)
    /// Put a leg on hold (it hears hold music, its bridge is released).
    case hold(LegID)
    /// End a leg (ringing or connected). The platform does not report `hungUp` for it.
    case hangUp(LegID)
}
