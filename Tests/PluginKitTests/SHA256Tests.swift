import PluginKit
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-2 one-block message 'abc'")
    func abc() throws {
        #expect(Hex.encode(try SHA256.digest("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("FIPS 180-2 two-block message")
    func twoBlocks() throws {
        let digest = try SHA256.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        #expect(Hex.encode(digest) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("empty message")
    func empty() throws {
        #expect(Hex.encode(try SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("one million 'a'")
    func millionA() throws {
        let digest = try SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(Hex.encode(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
