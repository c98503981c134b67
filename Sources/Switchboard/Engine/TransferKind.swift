/// The three transfers of DIR-3.
public enum TransferKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Caller on hold; the transferer talks to the target first, then completes or cancels.
    case assisted
    /// The call goes to the target and comes back to the transferer if the target does not
    /// answer within the ring timeout.
    case withReturn
    /// The call goes to the target for good.
    case withoutReturn
}
