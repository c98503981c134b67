import PluginKit
import SMSPlugin
import Testing

/// What a provider's refusal may carry into a log line, a ledger row or an API answer
/// (issue 11, item 1): the status, the provider's code, a redacted excerpt.
@Suite("GW-3 provider answers are redacted")
struct ProviderAnswerTests {
    let message = SMSMessage(recipient: "+4791234567", sender: "Firma", text: "Din innloggingskode er 380520")

    @Test(arguments: [
        // An HTTP gateway echoing the form body, the URL's query and the JSON it got.
        "Invalid: to=%2B4791234567&text=Din%20innloggingskode%20er%20380520",
        "Invalid: to=4791234567&text=Din+innloggingskode+er+380520",
        #"{"error":"bad","request":{"to":"+4791234567","text":"Din innloggingskode er 380520"}}"#,
        // Twilio's and AWS's own words about a number, and a code split from its sentence.
        "The 'To' number +4791234567 is not a valid phone number. Code: 380520",
        "Invalid parameter: PhoneNumber Reason: +47 912 34 567 is not valid; the text ended in 380520\n",
    ])
    func anEchoKeepsNeitherTextNorNumberNorCode(answer: String) {
        let error = ProviderAnswer.error(provider: "http", status: 400, code: "21211", answer: answer, sent: message, secrets: ["tok-abc"])
        #expect(error.kind == .permanent)
        #expect(error.message.hasPrefix("http answered 400 (code 21211)"), "\(error.message)")
        for leak in ["380520", "4791234567", "91234567", "912 34 567", "innloggingskode"] {
            #expect(!error.message.contains(leak), "\(leak) in \(error.message)")
        }
    }

    @Test func secretsAreRedactedAndTheExcerptIsShort() {
        let answer = "token tok-abc-secret refused; " + String(repeating: "x", count: 500)
        let excerpt = ProviderAnswer.redactedExcerpt(of: answer, sent: message, secrets: ["tok-abc-secret"])
        #expect(excerpt.hasPrefix("token [redacted] refused; "))
        #expect(excerpt.count <= ProviderAnswer.excerptLimit + 1)
    }

    @Test func statusesMapToKindsAndACodeMustLookLikeOne() {
        #expect(ProviderAnswer.error(provider: "p", status: 401, answer: "", sent: message).kind == .misconfigured)
        #expect(ProviderAnswer.error(provider: "p", status: 503, answer: "", sent: message).kind == .transient)
        let odd = ProviderAnswer.error(provider: "p", status: 400, code: "a code with spaces 380520", answer: "", sent: message)
        #expect(odd.message == "p answered 400")
    }
}
