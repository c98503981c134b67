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

    @Test func missingTextIsAUsageError() async {
        let result = await run(["sms", "quote"])
        #expect(result.status == .usage)
    }
}
