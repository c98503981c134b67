import Foundation
import SMSPlugin

/// `sentralbord sms quote [--json] [--parts-limit N] [--unit-price-ore N] TEXT`: how TEXT
/// would be sent as SMS (encoding, units, parts) and what it costs excluding VAT. With
/// `--json`, one ``SMSQuote`` object (the same body as `POST /api/v1/sms/quote`). An empty
/// text, or one needing more parts than the limit, is refused with exit status 1.
struct SMSQuoteCommand: Command {
    static let interface = CommandInterface(
        path: ["sms", "quote"],
        summary: "Show how a text is sent as SMS (GSM-7 or UCS-2, parts) and its price.",
        options: [
            .init("parts-limit", valueName: "N", help: "The most parts a message may have, 1…255 (default \(SMSQuote.defaultPartLimit))."),
            .init("unit-price-ore", valueName: "N", help: "The price of one part in øre excl. VAT (default \(SMSQuote.defaultUnitPriceOre))."),
        ],
        flags: [.init("json", help: "Print one JSON object.")],
        positionals: [.init("TEXT", help: "The message text.")])

    let text: String
    let partLimit: Int
    let unitPriceOre: Int
    let json: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        guard let text = arguments.positional(0) else {
            throw UsageError("missing TEXT", usage: Self.interface.usage)
        }
        self.text = text
        partLimit = try Self.integer(arguments.option("parts-limit"), name: "parts-limit", default: SMSQuote.defaultPartLimit, in: 1...SMSQuote.maximumPartLimit)
        unitPriceOre = try Self.integer(arguments.option("unit-price-ore"), name: "unit-price-ore", default: SMSQuote.defaultUnitPriceOre, in: 0...1_000_000)
        json = arguments.flag("json")
    }

    func run(console: Console) async -> ExitCode {
        let quote: SMSQuote
        do {
            quote = try SMSQuote(text: text, partLimit: partLimit, unitPriceOre: unitPriceOre)
        } catch {
            console.err("sentralbord sms quote: \(error.message)\n")
            return .failure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(quote)) ?? Data()
            console.out(String(decoding: data, as: UTF8.self) + "\n")
            return .success
        }
        var lines = [
            "encoding:  \(quote.encoding.rawValue)",
            "units:     \(quote.units)",
            "segments:  \(quote.segments) (parts: \(quote.parts.map(String.init).joined(separator: ", ")))",
            "price:     \(BillingAmount.kroner(quote.priceOre)) NOK excl. VAT (\(quote.segments) × \(quote.unitPriceOre) øre)",
        ]
        for character in quote.ucs2Chars {
            let replacement = character.replacement.map { "use \"\($0)\" to stay in GSM-7" } ?? "no GSM-7 replacement"
            lines.append("UCS-2:     \"\(character.character)\" (U+\(Self.codePoints(character.character))): \(replacement)")
        }
        console.out(lines.joined(separator: "\n") + "\n")
        return .success
    }

    private static func codePoints(_ text: String) -> String {
        text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }.joined(separator: " U+")
    }

    private static func integer(_ value: String?, name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let value else { return defaultValue }
        guard let number = Int(value), range.contains(number) else {
            throw UsageError("--\(name) must be an integer in \(range.lowerBound)…\(range.upperBound), not '\(value)'", usage: interface.usage)
        }
        return number
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
