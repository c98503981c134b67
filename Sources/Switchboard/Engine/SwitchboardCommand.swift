/// Everything that can change a company's switchboard, with who asks for it.
///
/// User commands name the acting user (`by`); the engine checks that they may act
/// (AV-1: users change only their own status; DIR-5: team leaders and admins change
/// anyone's; only admins change the directory). Telephony commands come from the platform
/// through its driver.
public enum SwitchboardCommand: Sendable, Hashable, Codable {
    /// The platform reports something about a call (calls in of the driver protocol).
    case telephony(TelephonySignal)
    /// AV-1, DIR-5: set `user`'s status.
    case setAvailability(user: UserID, availability: Availability, by: UserID)
    /// Replace `user`'s profile settings (the user themself or an admin).
    case updateSettings(user: UserID, settings: UserSettings, by: UserID)
    /// log `user` into `queue` (the user themself, a team leader or an admin).
    case logIn(user: UserID, queue: QueueID, by: UserID)
    /// log `user` out of `queue`.
    case logOut(user: UserID, queue: QueueID, by: UserID)
    /// DIR-2, PHONE-1, Q-3: click-to-call. `by`'s active phone rings first; when it answers,
    /// the target is called.
    case dial(target: DialTarget, by: UserID)
    /// WAIT-3: ring `by`'s active phone with a waiting queue call.
    case pickUp(call: CallID, by: UserID)
    /// Put the other party of `by`'s connected call on hold.
    case hold(call: CallID, by: UserID)
    /// Take the call off hold (after a hold or a failed assisted transfer).
    case resume(call: CallID, by: UserID)
    /// DIR-3, Q-3: transfer `by`'s call.
    case transfer(call: CallID, to: DialTarget, kind: TransferKind, by: UserID)
    /// DIR-3: connect the caller to the consulted target and leave the call.
    case completeTransfer(call: CallID, by: UserID)
    /// DIR-3: drop the consulted target and return to the caller.
    case cancelTransfer(call: CallID, by: UserID)
    /// `by` hangs up their side of the call from the console.
    case hangUp(call: CallID, by: UserID)
    /// CMT-1: a comment on a caller's number, shown on that number's next calls.
    case addComment(number: PhoneNumber, text: String, by: UserID)
    /// LOG-3: mark a missed call as called back.
    case markCalledBack(call: CallID, by: UserID)
    /// LOGIN-3: change the directory: users, queues, memberships. `by` is an admin user or
    /// `system` (the gateway with an admin-scoped API key); `platform` may not.
    case administer(DirectoryChange, by: Principal)
}
