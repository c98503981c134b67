import Foundation
import PluginKit

/// `sentralbord sms quote [--json] [--parts-limit N] [--unit-price-ore N] [--tenant ID]
/// [--config PATH] TEXT`: how TEXT would be sent as SMS (encoding, units, parts) and what it
/// costs excluding VAT. With `--json`, one ``SMSQuote`` object (the same body as
/// `POST /api/v1/sms/quote`). An empty text, or one needing more parts than the limit, is
/// refused with exit status 1.
///
/// The price and part limit are the configuration's, as the gateway would quote them: those
/// of the `sms` instance serving `--tenant` (its `tenant_settings` price for that company), or
/// of the first `sms` instance without one. The configuration is `--config PATH`, else
/// `config.toml` when there is one (a configuration with problems exits 78); without either,
/// or without an `sms` instance, the defaults. `--unit-price-ore` and `--parts-limit` override.
struct SMSQuoteCommand {
    /// The command as the CLI lists it.
    static let command = PluginCommand(interface) { arguments, context throws(UsageError) in
        try await SMSQuoteCommand(arguments: arguments).run(context)
    }

    static let interface = CommandInterface(
        path: ["sms", "quote"],
        summary: "Show how a text is sent as SMS (GSM-7 or UCS-2, parts) and its price.",
        options: [
            .init(
                "parts-limit", valueName: "N",
                help: "The most parts a message may have, 1…255 (default: the configured part_limit, else \(SMSQuote.defaultPartLimit))."),
            .init(
                "unit-price-ore", valueName: "N",
                help: "The price of one part in øre excl. VAT (default: the configured price, else \(SMSQuote.defaultUnitPriceOre))."),
            .init("tenant", valueName: "ID", help: "Quote at the price configured for this company."),
            .init("config", valueName: "PATH", help: "The configuration file (default: config.toml when there is one)."),
        ],
        flags: [.init("json", help: "Print one JSON object.")],
        positionals: [.init("TEXT", help: "The message text.")])

    let text: String
    let partLimit: Int?
    let unitPriceOre: Int?
    let tenant: String?
    let configPath: String?
    let json: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        guard let text = arguments.positional(0) else {
            throw UsageError("missing TEXT", usage: Self.interface.usage)
        }
        self.text = text
        partLimit = try Self.integer(arguments.option("parts-limit"), name: "parts-limit", in: 1...SMSQuote.maximumPartLimit)
        unitPriceOre = try Self.integer(arguments.option("unit-price-ore"), name: "unit-price-ore", in: 0...1_000_000)
        tenant = arguments.option("tenant")
        configPath = arguments.option("config")
        json = arguments.flag("json")
    }

    func run(_ context: PluginCommandContext) async -> ExitCode {
        let console = context.console
        let instances: [SMSPlugin]
        do throws(CommandExit) {
            instances = try await context.instances(configPath).compactMap { $0 as? SMSPlugin }
        } catch {
            return error.code
        }
        let chosen = SMSServiceDirectory.choose(instances.map { ($0.identity.instance, $0.filter.tenants) }, for: tenant)
        let settings = instances.first { $0.identity.instance == chosen }?.settings ?? SMSSettings()
        let price = unitPriceOre ?? tenant.map(settings.unitPriceOre(tenant:)) ?? settings.unitPriceOre
        let quote: SMSQuote
        do {
            quote = try SMSQuote(text: text, partLimit: partLimit ?? settings.partLimit, unitPriceOre: price)
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

    private static func integer(_ value: String?, name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let value else { return nil }
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
