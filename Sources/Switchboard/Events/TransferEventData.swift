/// `call.transfer.started`: DIR-3/Q-3: a user started transferring their call.
public struct CallTransferStartedData: Sendable, Hashable, Codable {
    /// Which transfer.
    public let kind: TransferKind
    /// The transferer.
    public let by: UserID
    /// Where to.
    public let target: DialTarget
}

/// `call.transfer.answered`: assisted: the target answered; the transferer talks to them
/// while the caller waits on hold.
public struct CallTransferAnsweredData: Sendable, Hashable, Codable {
    /// The transferer.
    public let by: UserID
    /// Where to.
    public let target: DialTarget
    /// The colleague who answered, when it is one.
    public let answeredBy: UserID?
}

/// `call.transferred`: how a transfer ended.
public struct CallTransferredData: Sendable, Hashable, Codable {
    /// Which transfer.
    public let kind: TransferKind
    /// How it ended.
    public let outcome: TransferOutcome
    /// The transferer.
    public let by: UserID
    /// Where to.
    public let target: DialTarget
    /// The colleague now with the caller, for a completed transfer to a user.
    public let answeredBy: UserID?
}

/// `call.transfer.returned`: with return: the target did not answer and the transferer
/// answered the call again.
public struct CallTransferReturnedData: Sendable, Hashable, Codable {
    /// The transferer, now with the caller again.
    public let to: UserID
    /// The transferer's new leg.
    public let leg: LegID
}
