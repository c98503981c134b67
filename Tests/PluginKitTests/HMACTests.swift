import PluginKit
import Testing

/// One RFC 4231 test case: key, data and the expected HMAC-SHA256 (hex, possibly truncated).
struct RFC4231Case: Sendable, CustomTestStringConvertible {
    let number: Int
    let key: [UInt8]
    let data: [UInt8]
    let expected: String

    var testDescription: String { "RFC 4231 case \(number)" }

    static let all: [RFC4231Case] = [
        RFC4231Case(
            number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
            expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        RFC4231Case(
            number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
            expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        RFC4231Case(
            number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
            expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        RFC4231Case(
            number: 4, key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
            expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        RFC4231Case(
            number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
            expected: "a3b6167473100ee06e0c796c2955552b"),
        RFC4231Case(
            number: 6, key: [UInt8](repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        RFC4231Case(
            number: 7, key: [UInt8](repeating: 0xaa, count: 131),
            data: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]
}

@Suite("HMAC")
struct HMACTests {
    @Test("HMAC-SHA256 matches RFC 4231", arguments: RFC4231Case.all)
    func rfc4231(_ vector: RFC4231Case) throws {
        let code = try HMAC.code(for: vector.data, key: vector.key, algorithm: .sha256)
        #expect(code.count == 32)
        // Case 5 publishes only the leftmost 128 bits; comparing a prefix covers it.
        let expectedBytes = try #require(Hex.decode(vector.expected))
        #expect(Hex.encode(Array(code.prefix(expectedBytes.count))) == vector.expected)
    }

    @Test("HMAC-SHA1 matches RFC 2202 cases 1 and 2")
    func rfc2202() throws {
        let first = try HMAC.code(
            for: Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20), algorithm: .sha1)
        #expect(Hex.encode(first) == "b617318655057264e28bc0b6fb378c8ef146be00")
        let second = try HMAC.code(for: "what do ya want for nothing?", key: "Jefe", algorithm: .sha1)
        #expect(Hex.encode(second) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test("an empty key and an empty message are accepted")
    func emptyInputs() throws {
        let code = try HMAC.code(for: [], key: [], algorithm: .sha256)
        #expect(Hex.encode(code) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }
}
