/// Money in integer øre (1/100 NOK), as the ledger and the exports keep it: never floating
/// point, so sums are exact.
public enum BillingAmount {
    /// The VAT rate on SMS, in percent.
    public static let vatPercent = 25

    /// The VAT on `netOre`, rounded half up to whole øre.
    public static func vat(onNet netOre: Int) -> Int {
        (netOre * vatPercent + 50) / 100
    }

    /// `ore` as kroner with two decimals: `98` → `0.98`, `-150` → `-1.50`; `decimalSeparator`
    /// is `,` for Norwegian spreadsheets.
    public static func kroner(_ ore: Int, decimalSeparator: String = ".") -> String {
        let sign = ore < 0 ? "-" : ""
        let magnitude = ore.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100)\(decimalSeparator)\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
