/// What ``SMSLedger/reserve(_:within:)`` did with a reservation.
public enum SMSReservationOutcome: Sendable, Hashable {
    /// A new row, `reserved`.
    case reserved(SMSLedgerRecord)
    /// The row already under the reservation's key, unchanged, in whatever status it has (the
    /// cap is not applied again: the row counted when it was reserved).
    case existing(SMSLedgerRecord)
    /// Nothing was written: the reservation's price would take the company's period above the
    /// cap, which already held `committedOre`.
    case overSpendCap(committedOre: Int)

    /// The row reserved or found; nil when the cap refused the reservation.
    public var record: SMSLedgerRecord? {
        switch self {
        case .reserved(let record), .existing(let record): record
        case .overSpendCap: nil
        }
    }
}
