import PluginKit
import Testing

@Suite("Secure random bytes")
struct SecureRandomTests {
    @Test("returns exactly the requested number of bytes", arguments: [0, 1, 16, 32, 1000])
    func length(_ count: Int) throws {
        #expect(try SecureRandom.bytes(count: count).count == count)
    }

    @Test("two draws differ")
    func draws() throws {
        let first = try SecureRandom.bytes(count: 32)
        let second = try SecureRandom.bytes(count: 32)
        #expect(first != second)
        #expect(first != [UInt8](repeating: 0, count: 32))
    }
}
