import Foundation
import SMSPlugin
import Testing

@Suite("GW-3 SMS quote")
struct SMSQuoteTests {
    @Test func norwegianLettersAreGSM() throws {
        let quote = try SMSQuote(text: "Blåbærsyltetøy på ÆØÅ-vis")
        #expect(quote.encoding == .gsm7)
        #expect(quote.segments == 1)
        #expect(quote.priceOre == 49)
        #expect(quote.ucs2Chars.isEmpty)
    }

    @Test func priceIsSegmentsTimesUnitPrice() throws {
        let quote = try SMSQuote(text: String(repeating: "a", count: 161), unitPriceOre: 45)
        #expect(quote.segments == 2)
        #expect(quote.parts == [153, 8])
        #expect(quote.priceOre == 90)
    }

    @Test func ucs2CharactersAreListedOnceWithReplacements() throws {
        let quote = try SMSQuote(text: "Møte 10–11 “nå” 😀 – ok")
        #expect(quote.encoding == .ucs2)
        #expect(quote.ucs2Chars == [
            UCS2Character(character: "–", replacement: "-"),
            UCS2Character(character: "“", replacement: "\""),
            UCS2Character(character: "”", replacement: "\""),
            UCS2Character(character: "😀", replacement: nil),
        ])
    }

    @Test func everyReplacementIsGSM() throws {
        let quote = try SMSQuote(text: "–—‘’“”…«»\u{00A0}áâçêíóúÁÉÍÓÚ©®™œ")
        for character in quote.ucs2Chars {
            let replacement = try #require(character.replacement, "\(character.character)")
            #expect(GSMAlphabet.canEncode(replacement), "\(character.character) → \(replacement)")
        }
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: SMSQuoteError.self) { try SMSQuote(text: "") }
        do {
            _ = try SMSQuote(text: "")
        } catch {
            #expect(error.code == .empty)
            #expect(error.message == "the message is empty")
        }
    }

    @Test func textOverThePartLimitIsRefused() {
        do {
            _ = try SMSQuote(text: String(repeating: "x", count: 307), partLimit: 2)
            Issue.record("a 3-part text passed a limit of 2")
        } catch {
            #expect(error.code == .tooLong)
            #expect(error.message.contains("3 parts") && error.message.contains("limit of 2"))
        }
        #expect((try? SMSQuote(text: String(repeating: "x", count: 307), partLimit: 3))?.segments == 3)
    }

    @Test func partLimitGoesUpTo255() throws {
        let text = String(repeating: "x", count: 153 * 255)
        #expect(try SMSQuote(text: text, partLimit: 255).segments == 255)
        #expect(throws: SMSQuoteError.self) { try SMSQuote(text: "x", partLimit: 256) }
        #expect(throws: SMSQuoteError.self) { try SMSQuote(text: "x", partLimit: 0) }
    }

    @Test func escapePairsAndSurrogatePairsAreNeverSplit() {
        // 152 plain septets then "€" (2 septets) would straddle 153: it moves to part two.
        let gsm = SMSSegmentation(text: String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 10))
        #expect(gsm.partUnits == [152, 12])
        let ucs = SMSSegmentation(text: String(repeating: "☃", count: 66) + "🐳" + String(repeating: "☃", count: 10))
        #expect(ucs.partUnits == [66, 12])
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(try SMSQuote(text: "a–b")), as: UTF8.self)
        #expect(json == #"{"encoding":"UCS-2","partLimit":10,"parts":[3],"priceOre":49,"segments":1,"ucs2Chars":[{"char":"–","replacement":"-"}],"unitPriceOre":49,"units":3}"#)
    }

    @Test func amountsFormatExactly() {
        #expect(BillingAmount.kroner(98) == "0.98")
        #expect(BillingAmount.kroner(1_234_505, decimalSeparator: ",") == "12345,05")
        #expect(BillingAmount.kroner(-150) == "-1.50")
        #expect(BillingAmount.vat(onNet: 49) == 12)
        #expect(BillingAmount.vat(onNet: 98) == 25)
    }
}
