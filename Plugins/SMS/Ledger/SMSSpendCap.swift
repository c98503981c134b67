public import Foundation

/// A company's monthly spend cap as the ledger applies it: the øre charged or reserved for the
/// company (see ``SMSLedger/committedOre(tenant:from:to:)``) in the period may not exceed
/// `limitOre`. The ledger checks it in the same transaction as the write that would add to the
/// period, so concurrent sends cannot pass it together.
public struct SMSSpendCap: Sendable, Hashable {
    /// The most the period may hold, in øre excl. VAT.
    public var limitOre: Int
    /// The period's start (inclusive), by the rows' creation time.
    public var from: Date
    /// The period's end (exclusive).
    public var to: Date

    /// A cap of `limitOre` over `from` (inclusive) to `to` (exclusive).
    public init(limitOre: Int, from: Date, to: Date) {
        self.limitOre = limitOre
        self.from = from
        self.to = to
    }

    /// Whether a period already holding `committedOre` may take `addedOre` more.
    public func admits(_ addedOre: Int, committedOre: Int) -> Bool {
        addedOre <= 0 || committedOre + addedOre <= limitOre
    }
}
