import PeerSupport
import SMSPlugin
import Testing

/// GW-3 segmentation over seeded random texts (issue 18): the parts are worked out again here
/// from first principles (GSM 03.38's escape characters count two septets, a scalar outside
/// the BMP two UTF-16 units) and compared with the plugin's.
@Suite("GW-3 segmentation of random texts")
struct SegmentationPropertyTests {
    /// GSM 03.38 basic characters (one septet each), a sample with the Norwegian letters.
    static let basic = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?-+*/()=<>@£$¥èéùìòÇØøÅåÆæßÉÄÖÑÜ§¿äöñüà\n")
    /// Its extension table: an escape septet and the character, two septets each.
    static let escaped = Array("€[]{}^~\\|")
    /// Outside GSM: BMP characters (one UTF-16 unit) and emoji (a surrogate pair).
    static let bmp = Array("–—“”‘’…ÿčłőЖж漢字한")
    static let astral: [Character] = ["😀", "📞", "🇳", "𝄞", "🦊"]

    static func pieces(_ text: String, gsm: Bool) -> [Int] {
        gsm ? text.unicodeScalars.map { escaped.contains(Character($0)) ? 2 : 1 }
            : text.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }
    }

    @Test(arguments: 1...40)
    func partsAreTheLongestThatFitAndNeverSplitAPair(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<50 {
            let gsm = Bool.random(using: &random)
            let length = Int.random(in: 1...700, using: &random)
            var characters: [Character] = []
            for _ in 0..<length {
                let pool = gsm ? (Int.random(in: 0..<5, using: &random) == 0 ? Self.escaped : Self.basic)
                    : [Self.basic, Self.bmp, Self.astral, Self.escaped][Int.random(in: 0..<4, using: &random)]
                characters.append(pool.randomElement(using: &random)!)
            }
            if !gsm { characters[Int.random(in: 0..<characters.count, using: &random)] = Self.astral.randomElement(using: &random)! }
            let text = String(characters)
            let segmentation = SMSSegmentation(text: text)
            #expect(segmentation.encoding == (gsm ? .gsm7 : .ucs2))
            let pieces = Self.pieces(text, gsm: gsm)
            let units = pieces.reduce(0, +)
            #expect(segmentation.units == units)
            let (single, multi) = gsm ? (160, 153) : (70, 67)
            if units <= single {
                #expect(segmentation.partUnits == [units])
                continue
            }
            // Every cut falls between two pieces, every part fits, and no part could have
            // taken the next piece as well (the longest parts, so the fewest).
            var boundaries: Set<Int> = [0]
            var sum = 0
            for piece in pieces {
                sum += piece
                boundaries.insert(sum)
            }
            var offset = 0
            var position = 0
            for (index, part) in segmentation.partUnits.enumerated() {
                #expect(part <= multi && part > 0)
                offset += part
                #expect(boundaries.contains(offset), "a cut inside an escape or a surrogate pair at \(offset)")
                var taken = 0
                while position < pieces.count, taken < part {
                    taken += pieces[position]
                    position += 1
                }
                if index < segmentation.partUnits.count - 1, position < pieces.count {
                    #expect(part + pieces[position] > multi, "part \(index) could have taken one more piece")
                }
            }
            #expect(offset == units)
            if segmentation.segments <= 10 {
                let quote = try SMSQuote(text: text, partLimit: 10, unitPriceOre: 49)
                #expect(quote.priceOre == quote.segments * 49 && quote.segments == segmentation.segments)
            }
        }
    }
}
