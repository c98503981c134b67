/// The choices a user makes on their profile. A user changes their own; admins change anyone's.
public struct UserSettings: Sendable, Hashable, Codable {
    /// AV-2: the phone used to call out and to pick up (queue offers, WAIT-3, click-to-call).
    /// nil means whichever number the user has, the mobile first.
    public var activeDevice: Device?
    /// PROF-4: the phone that answers incoming direct and transferred calls; nil means the
    /// active device.
    public var transferDefault: Device?
    /// PROF-3: the caller ID shown when calling out.
    public var displayNumber: DisplayNumber
    /// PROF-6: voicemail, forwarding and ring time for direct calls.
    public var incoming: IncomingCallSettings
    /// PA-1: the personal assistant.
    public var assistant: AssistantSettings
    /// PROF-7: with both numbers, ring them at the same time (true) or one after the other,
    /// the `transferDefault` phone first (false).
    public var parallelRinging: Bool
    /// PROF-9: leaving Available logs out of the queues the user was logged into; returning
    /// to Available logs back into exactly those.
    public var statusDrivesQueues: Bool

    /// Settings with the given values; the defaults are the product's defaults.
    public init(
        activeDevice: Device? = nil, transferDefault: Device? = nil, displayNumber: DisplayNumber = .own,
        incoming: IncomingCallSettings = IncomingCallSettings(), assistant: AssistantSettings = AssistantSettings(),
        parallelRinging: Bool = true, statusDrivesQueues: Bool = false
    ) {
        self.activeDevice = activeDevice
        self.transferDefault = transferDefault
        self.displayNumber = displayNumber
        self.incoming = incoming
        self.assistant = assistant
        self.parallelRinging = parallelRinging
        self.statusDrivesQueues = statusDrivesQueues
    }
}
