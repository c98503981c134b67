/// What a text costs as SMS before it is sent: its segmentation, the price in øre excluding
/// VAT, and the characters that made it UCS-2.
///
/// This is the body of `POST /api/v1/sms/quote` and of `sentralbord sms quote --json`:
/// ```json
/// {"encoding": "GSM-7", "units": 161, "segments": 2, "parts": [153, 8],
///  "unitPriceOre": 49, "priceOre": 98, "partLimit": 10, "ucs2Chars": []}
/// ```
/// `ucs2Chars` lists `{"char": "–", "replacement": "-"}` objects (`replacement` null when
/// there is none). Amounts are integer øre: never floating point.
public struct SMSQuote: Sendable, Hashable, Codable {
    /// GSM-7 or UCS-2.
    public let encoding: SMSEncoding
    /// Septets (GSM-7) or UTF-16 units (UCS-2) of the whole text.
    public let units: Int
    /// The parts it is sent and billed as.
    public let segments: Int
    /// The units of each part.
    public let parts: [Int]
    /// The price of one segment in øre, excluding VAT.
    public let unitPriceOre: Int
    /// `segments × unitPriceOre`: the price excluding VAT.
    public let priceOre: Int
    /// The most parts a message may have.
    public let partLimit: Int
    /// The characters forcing UCS-2, each with a GSM-7 replacement where one exists.
    public let ucs2Chars: [UCS2Character]

    /// The default price of one segment: 49 øre (0.49 NOK) excluding VAT.
    public static let defaultUnitPriceOre = 49
    /// The default part limit.
    public static let defaultPartLimit = 10
    /// The largest part limit (the concatenation header counts parts in one byte).
    public static let maximumPartLimit = 255

    /// Quotes `text`. Throws ``SMSQuoteError`` when the text is empty, when it needs more
    /// than `partLimit` parts, or when `partLimit` (1…255) or `unitPriceOre` (≥ 0) is out of range.
    public init(
        text: String, partLimit: Int = SMSQuote.defaultPartLimit, unitPriceOre: Int = SMSQuote.defaultUnitPriceOre
    ) throws(SMSQuoteError) {
        guard (1...Self.maximumPartLimit).contains(partLimit) else {
            throw SMSQuoteError(.invalidPartLimit, "the part limit must be 1…\(Self.maximumPartLimit), not \(partLimit)")
        }
        guard unitPriceOre >= 0 else {
            throw SMSQuoteError(.invalidPrice, "the unit price must be at least 0 øre, not \(unitPriceOre)")
        }
        guard !text.isEmpty else { throw SMSQuoteError(.empty, "the message is empty") }
        let segmentation = SMSSegmentation(text: text)
        guard segmentation.segments <= partLimit else {
            throw SMSQuoteError(
                .tooLong,
                "the message needs \(segmentation.segments) parts (\(segmentation.units) \(segmentation.encoding.rawValue) units), more than the limit of \(partLimit)"
            )
        }
        encoding = segmentation.encoding
        units = segmentation.units
        segments = segmentation.segments
        parts = segmentation.partUnits
        self.unitPriceOre = unitPriceOre
        priceOre = segmentation.segments * unitPriceOre
        self.partLimit = partLimit
        ucs2Chars = UCS2Character.all(in: text)
    }
}
