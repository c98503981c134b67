import PluginKit
import Foundation
import SentralbordCLI
import Testing

@Suite("sentralbord sms quote")
struct SMSQuoteCommandTests {
    private func run(_ arguments: [String]) async -> (status: ExitCode, out: String, err: String) {
        let capture = CapturedConsole()
        let status = await SentralbordCLI.run(arguments, console: capture.console)
        return (status, capture.out, capture.err)
    }

    @Test func jsonQuote() async throws {
        let result = await run(["sms", "quote", "--json", "Ring meg – takk"])
        #expect(result.status == .success)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["encoding"] as? String == "UCS-2")
        #expect(object["units"] as? Int == 15)
        #expect(object["segments"] as? Int == 1)
        #expect(object["parts"] as? [Int] == [15])
        #expect(object["priceOre"] as? Int == 49)
        let chars = try #require(object["ucs2Chars"] as? [[String: Any]])
        #expect(chars.count == 1)
        #expect(chars.first?["char"] as? String == "–")
        #expect(chars.first?["replacement"] as? String == "-")
    }

    @Test func textQuote() async {
        let result = await run(["sms", "quote", String(repeating: "å", count: 161)])
        #expect(result.status == .success)
        #expect(result.out.contains("encoding:  GSM-7"))
        #expect(result.out.contains("segments:  2 (parts: 153, 8)"))
        #expect(result.out.contains("0.98 NOK excl. VAT (2 × 49 øre)"))
    }

    @Test func emptyAndTooLongAreRefused() async {
        let empty = await run(["sms", "quote", ""])
        #expect(empty.status == .failure)
        #expect(empty.err.contains("the message is empty"))
        let long = await run(["sms", "quote", "--parts-limit", "1", String(repeating: "x", count: 161)])
        #expect(long.status == .failure)
        #expect(long.err.contains("more than the limit of 1"))
    }

    @Test func badPartsLimitIsAUsageError() async {
        let result = await run(["sms", "quote", "--parts-limit", "256", "hei"])
        #expect(result.status == .usage)
        #expect(result.err.contains("--parts-limit must be an integer in 1…255"))
    }

    /// A configuration with an `sms` instance at 39 øre a part, at most 2 parts, and 45 øre for `acme`.
    private func configuration() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-quote-\(UUID().uuidString).toml").path
        try """
            [[plugins]]
            name = "sms"
            kind = "sms"
            unit_price_ore = 39
            part_limit = 2
            [[plugins.tenant_settings]]
            tenant = "acme"
            unit_price_ore = 45
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func price(_ result: (status: ExitCode, out: String, err: String)) throws -> (unit: Int?, total: Int?) {
        #expect(result.status == .success, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        return (object["unitPriceOre"] as? Int, object["priceOre"] as? Int)
    }

    @Test func theConfiguredPriceIsUsedUnlessOverridden() async throws {
        let config = try configuration()
        let instance = try price(await run(["sms", "quote", "--json", "--config", config, String(repeating: "x", count: 161)]))
        #expect(instance.unit == 39 && instance.total == 78, "the instance's unit_price_ore: \(instance)")
        let company = try price(await run(["sms", "quote", "--json", "--config", config, "--tenant", "acme", "Hei"]))
        #expect(company.unit == 45 && company.total == 45, "the company's tenant_settings price: \(company)")
        let other = try price(await run(["sms", "quote", "--json", "--config", config, "--tenant", "birk", "Hei"]))
        #expect(other.unit == 39, "a company without its own price pays the instance's: \(other)")
        let overridden = try price(await run(["sms", "quote", "--json", "--config", config, "--tenant", "acme", "--unit-price-ore", "10", "Hei"]))
        #expect(overridden.unit == 10 && overridden.total == 10, "--unit-price-ore wins: \(overridden)")
    }

    @Test func theConfiguredPartLimitIsUsedUnlessOverridden() async throws {
        let config = try configuration()
        let long = String(repeating: "x", count: 400)
        let refused = await run(["sms", "quote", "--config", config, long])
        #expect(refused.status == .failure && refused.err.contains("more than the limit of 2"), "\(refused.err)")
        let allowed = await run(["sms", "quote", "--config", config, "--parts-limit", "3", long])
        #expect(allowed.status == .success && allowed.out.contains("segments:  3"), "\(allowed.out)")
    }

    @Test func aConfigurationWithProblemsExits78() async throws {
        let missing = await run(["sms", "quote", "--config", "/nonexistent/config.toml", "Hei"])
        #expect(missing.status == .configuration)
        #expect(missing.err.contains("cannot read the configuration file"))
    }

    @Test func missingTextIsAUsageError() async {
        let result = await run(["sms", "quote"])
        #expect(result.status == .usage)
    }
}
