import PeerSupport
import TOML
import Testing

/// What `TOMLWriter` writes, `TOMLParser` reads back as the same document (issue 18): random
/// documents of every value type, keys and strings that need quoting and escapes, nested
/// tables and arrays of tables.
@Suite("TOML: a written document reads back the same")
struct RoundTripPropertyTests {
    static let at = TOMLPosition(line: 0, column: 0)
    static let characters: [String] = [
        "a", "Z", "0", "_", "-", " ", ".", "=", "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{7F}", "ø", "Å", "€", "😀", "#", "[", "]", "'",
    ]

    static func text(_ random: inout SeededRandom, maxLength: Int = 12) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in characters.randomElement(using: &random)! }.joined())
    }

    static func key(_ random: inout SeededRandom) -> String {
        Bool.random(using: &random) ? "k\(Int.random(in: 0...999, using: &random))" : text(&random, maxLength: 6)
    }

    static func scalar(_ random: inout SeededRandom) -> TOMLValue {
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return .string(text(&random))
        case 1: return .integer(Int64.random(in: .min ... .max, using: &random))
        case 2: return .float([0.0, -0.0, 1.5, -2.25e-300, 6.02e23, .infinity, -.infinity, Double.random(in: -1e9...1e9, using: &random)].randomElement(using: &random)!)
        case 3: return .boolean(Bool.random(using: &random))
        case 4: return .localDate(date(&random))
        case 5: return .localTime(time(&random))
        case 6: return .localDateTime(date(&random), time(&random))
        case 7: return .offsetDateTime(date(&random), time(&random), offsetMinutes: Int.random(in: -720...840, using: &random))
        default: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in TOMLNode(scalar(&random), at: at) })
        }
    }

    static func date(_ random: inout SeededRandom) -> TOMLDate {
        TOMLDate(year: Int.random(in: 1...9999, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
    }

    static func time(_ random: inout SeededRandom) -> TOMLTime {
        TOMLTime(
            hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random), second: Int.random(in: 0...59, using: &random),
            nanosecond: Int.random(in: 0...999, using: &random) * 1_000_000)
    }

    static func table(_ random: inout SeededRandom, depth: Int) -> TOMLTable {
        var table = TOMLTable()
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            let value: TOMLValue
            switch (depth, Int.random(in: 0..<6, using: &random)) {
            case (1..., 0): value = .table(Self.table(&random, depth: depth - 1))
            case (1..., 1): value = .array((0..<Int.random(in: 1...3, using: &random)).map { _ in TOMLNode(.table(Self.table(&random, depth: depth - 1)), at: at) })
            default: value = scalar(&random)
            }
            table[key(&random)] = TOMLNode(value, at: at)
        }
        return table
    }

    /// Equal documents, positions and key order aside (a TOML table is unordered, and the
    /// writer puts plain keys before sub-tables, as TOML requires); NaN never occurs, and -0.0
    /// and 0.0 differ by sign.
    static func same(_ a: TOMLValue, _ b: TOMLValue) -> Bool {
        switch (a, b) {
        case (.table(let x), .table(let y)):
            return Set(x.keys) == Set(y.keys) && x.entries.allSatisfy { entry in y[entry.key].map { same(entry.node.value, $0.value) } ?? false }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.value, $1.value) }
        case (.float(let x), .float(let y)):
            return x == y && x.sign == y.sign
        default:
            return a == b
        }
    }

    @Test(arguments: 0..<200)
    func aRandomDocumentReadsBackTheSame(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let document = Self.table(&random, depth: 2)
        let text = TOMLWriter.string(from: document)
        let parsed = try TOMLParser.parse(text)
        #expect(Self.same(.table(document), .table(parsed)), "seed \(seed):\n\(text)")
    }
}
