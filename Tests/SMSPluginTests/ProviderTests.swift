import Foundation
import HTTPClient
import PeerSupport
import PluginKit
import PluginKitTesting
import SMSPlugin
import Testing

@Suite("GW-3 SMS providers against their peers", .serialized)
struct ProviderTests {
    let http = HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 1))

    @Test
    func awsSNSPublishesThroughMoto() async throws {
        let moto = try await LocalPeer(script: ProviderPeers.moto, requiring: "moto.server")
        defer { moto.stop() }
        let provider = AWSSNSProvider(
            endpoint: "http://127.0.0.1:\(moto.port)/", region: "eu-north-1", accessKeyID: "AKIDEXAMPLE",
            secretAccessKey: Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", from: .environment("AWS_SECRET")), http: http)
        let text = "Tapt anrop fra +4722334455 kl. 09:15 – ring tilbake {snart} & 100% ~ok"
        let receipt = try await provider.send(SMSMessage(recipient: "+4791234567", sender: "Sentral", text: text), idempotencyKey: "e1|+4791234567|phone")
        #expect(!receipt.providerMessageID.isEmpty)

        let data = try await http.send(HTTPClientRequest(method: .get, url: "http://127.0.0.1:\(moto.port)/moto-api/data.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.body)) as? [String: Any])
        let sms = try #require((object["sns"] as? [String: Any])?["SMS"] as? [[String: Any]])
        #expect(sms.count == 1)
        #expect(sms.first?["message_id"] as? String == receipt.providerMessageID)
        #expect(sms.first?["phone_number"] as? String == "+4791234567")
        #expect(sms.first?["message"] as? String == text)
    }

    @Test func awsSNSSignsWithSigV4AndMapsErrors() async throws {
        let transport = ScriptedHTTPTransport { _ in
            .respond(
                status: 400, headers: [:],
                body: Array("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: PhoneNumber</Message></Error></ErrorResponse>".utf8))
        }
        let provider = AWSSNSProvider(
            endpoint: "https://sns.eu-north-1.amazonaws.com/", region: "eu-north-1", accessKeyID: "AKID",
            secretAccessKey: Secret("s3cret", from: .environment("S")), http: transport)
        do {
            _ = try await provider.send(SMSMessage(recipient: "+47", sender: "", text: "x"), idempotencyKey: "k")
            Issue.record("a 400 InvalidParameter was accepted")
        } catch {
            #expect(error.kind == .permanent)
            #expect(error.message.contains("InvalidParameter"))
            #expect(!error.message.contains("s3cret"))
        }
        let request = try #require(transport.requests.first)
        #expect(request.authentication == .awsSigV4(accessKeyID: "AKID", secretAccessKey: "s3cret", region: "eu-north-1", service: "sns"))
        let form = Dictionary(FormEncoding.decode(String(decoding: request.body ?? [], as: UTF8.self)), uniquingKeysWith: { a, _ in a })
        #expect(form["Action"] == "Publish" && form["PhoneNumber"] == "+47" && form["Message"] == "x")
        #expect(!provider.description.contains("s3cret"))
    }

    @Test
    func twilioCreatesMessagesAndItsCallbacksVerify() async throws {
        let token = "tw-token-123"
        let fake = try await LocalPeer(script: ProviderPeers.twilio, arguments: ["AC0123", token])
        defer { fake.stop() }
        let secret = Secret(token, from: .environment("TWILIO_TOKEN"))
        let callbackURL = "https://sentral.example/api/v1/sms/status/twilio?instance=sms"
        let provider = TwilioProvider(
            baseURL: "http://127.0.0.1:\(fake.port)", accountSID: "AC0123", authToken: secret, statusCallbackURL: callbackURL,
            http: http)
        let text = String(repeating: "å", count: 161)
        let receipt = try await provider.send(SMSMessage(recipient: "+4791234567", sender: "+4759446000", text: text), idempotencyKey: "e1|+4791234567|phone")
        #expect(receipt.providerMessageID.hasPrefix("SM"))
        #expect(receipt.providerSegments == SMSSegmentation(text: text).segments)

        let request = try #require(await fake.nextLine())
        #expect(request.hasPrefix("REQUEST e1|+4791234567|phone "))
        let callback = try #require(await fake.nextLine()).split(separator: " ").map(String.init)
        #expect(callback.count == 4 && callback[0] == "CALLBACK" && callback[1] == callbackURL)
        let fields = FormEncoding.decode(callback[3])
        #expect(TwilioSignature.isValid(signature: callback[2], url: callback[1], fields: fields, authToken: secret))
        #expect(!TwilioSignature.isValid(signature: callback[2], url: callback[1] + "x", fields: fields, authToken: secret))
        #expect(!TwilioSignature.isValid(signature: callback[2], url: callback[1], fields: fields, authToken: Secret("other", from: .environment("X"))))
        #expect(Dictionary(fields, uniquingKeysWith: { a, _ in a })["MessageSid"] == receipt.providerMessageID)
    }

    @Test
    func twilioErrorsMapToTheirKinds() async throws {
        let fake = try await LocalPeer(script: ProviderPeers.twilio, arguments: ["AC0123", "right"])
        defer { fake.stop() }
        let wrongToken = TwilioProvider(
            baseURL: "http://127.0.0.1:\(fake.port)", accountSID: "AC0123", authToken: Secret("wrong", from: .environment("T")), http: http)
        await #expect { try await wrongToken.send(SMSMessage(recipient: "+4791234567", sender: "S", text: "x"), idempotencyKey: "k") } throws: {
            ($0 as? PluginError)?.kind == .misconfigured
        }
        let badNumber = TwilioProvider(
            baseURL: "http://127.0.0.1:\(fake.port)", accountSID: "AC0123", authToken: Secret("right", from: .environment("T")), http: http)
        do {
            _ = try await badNumber.send(SMSMessage(recipient: "91234567", sender: "S", text: "x"), idempotencyKey: "k")
            Issue.record("an invalid To was accepted")
        } catch {
            #expect(error.kind == .permanent)
            #expect(error.message.contains("21211"))
        }
    }

    @Test func twilioDocumentedSignatureExample() throws {
        // The example in Twilio's request-validation documentation and its helper libraries' tests.
        let fields = [
            ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"), ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]
        let signature = try TwilioSignature.signature(
            url: "https://mycompany.com/myapp.php?foo=1&bar=2", fields: fields, authToken: Secret("12345", from: .environment("T")))
        #expect(signature == "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    }

    @Test
    func genericHTTPFillsItsTemplate() async throws {
        let gateway = try await LocalPeer(script: ProviderPeers.gateway)
        defer { gateway.stop() }
        let form = HTTPTemplateProvider(
            url: "http://127.0.0.1:\(gateway.port)/SMS/SendMessages?user=acme", bodyTemplate: "to={to_digits}&from={from}&msg={text}&ref={key}",
            authorization: Secret("Bearer gw-secret", from: .environment("GW")), messageIDField: "id", http: http)
        let receipt = try await form.send(SMSMessage(recipient: "+4791234567", sender: "Firma", text: "Hei & {key} 100%"), idempotencyKey: "e|+47|phone")
        #expect(receipt.providerMessageID == "gw-1")
        let line = try #require(await gateway.nextLine())
        #expect(line == "POST /SMS/SendMessages?user=acme application/x-www-form-urlencoded Bearer gw-secret to=4791234567&from=Firma&msg=Hei%20%26%20%7Bkey%7D%20100%25&ref=e%7C%2B47%7Cphone")

        let json = HTTPTemplateProvider(
            url: "http://127.0.0.1:\(gateway.port)/send", bodyTemplate: #"{"to":"{to}","text":"{text}"}"#, contentType: "application/json", http: http)
        let jsonReceipt = try await json.send(SMSMessage(recipient: "+4791234567", sender: "", text: "Si \"hei\"\n"), idempotencyKey: "e2|+4791234567|phone")
        // Without a message id field, a stable local id that names no one (issue 11, item 7).
        #expect(jsonReceipt.providerMessageID.wholeMatch(of: /local-[0-9a-f]{24}/) != nil, "\(jsonReceipt.providerMessageID)")
        #expect(try #require(await gateway.nextLine()) == #"POST /send application/json - {"to":"+4791234567","text":"Si \"hei\"\n"}"#)

        let failing = HTTPTemplateProvider(url: "http://127.0.0.1:\(gateway.port)/fail", method: .get, bodyTemplate: nil, http: http)
        await #expect { try await failing.send(SMSMessage(recipient: "+4791234567", sender: "", text: "x"), idempotencyKey: "k") } throws: {
            ($0 as? PluginError)?.kind == .transient
        }
    }
}

@Suite("GW-3 Twilio status callbacks through the service", .serialized)
struct TwilioStatusCallbackTests {
    @Test
    func aSignedCallbackMarksTheRowDelivered() async throws {
        let token = "tw-token-456"
        let fake = try await LocalPeer(script: ProviderPeers.twilio, arguments: ["AC0123", token])
        defer { fake.stop() }
        let callbackURL = "https://sentral.example/api/v1/sms/status/twilio?instance=sms"
        var settings = SMSSettings()
        settings.sender = "+4759446000"
        settings.provider = .twilio(
            baseURL: "http://127.0.0.1:\(fake.port)", accountSID: "AC0123", authToken: Secret(token, from: .environment("T")),
            statusCallbackURL: callbackURL, timeout: .seconds(10))
        let ledger = InMemorySMSLedger()
        let logger = Logger(label: "test", sink: InMemoryLogSink())
        let service = SMSService(
            settings: settings, ledger: ledger,
            provider: settings.provider.makeProvider(http: HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 1)), logger: logger),
            logger: logger)
        let record = try await service.send(
            SMSSendRequest(requestID: "r1", tenant: "acme", purpose: .colleague, recipient: "+4791234567", text: "Hei fra Ann"))
        #expect(record.status == .accepted && record.provider == "twilio")

        _ = await fake.nextLine()
        let callback = try #require(await fake.nextLine()).split(separator: " ").map(String.init)
        let fields = FormEncoding.decode(callback[3])
        #expect(try await !service.handleTwilioStatusCallback(url: callbackURL, fields: fields, signature: "forged"))
        #expect(ledger.records.first?.status == .accepted)
        #expect(try await service.handleTwilioStatusCallback(url: callbackURL, fields: fields, signature: callback[2]))
        #expect(ledger.records.first?.status == .delivered && ledger.records.first?.netOre == 49)
    }
}
