/// The sums of a billing export, overall and per group: integer øre, never floating point.
public struct BillingTotals: Sendable, Hashable {
    /// The sums of one group.
    public struct Line: Sendable, Hashable {
        /// The group's value (user id, department, …); empty for rows without one.
        public var group: String
        /// Charged messages.
        public var messages = 0
        /// Their segments.
        public var segments = 0
        /// Net amount in øre excl. VAT.
        public var netOre = 0

        /// VAT on ``netOre`` (25 %, rounded half up).
        public var vatOre: Int { BillingAmount.vat(onNet: netOre) }
        /// ``netOre`` + ``vatOre``.
        public var grossOre: Int { netOre + vatOre }
    }

    /// The groups, sorted by value.
    public var groups: [Line]
    /// Everything.
    public var total: Line
}
