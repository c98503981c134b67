import PluginKit
import Testing

@Suite("Hex")
struct HexTests {
    @Test("round trip and rejection of bad text")
    func roundTrip() {
        #expect(Hex.encode([0x00, 0x7f, 0xab, 0xff]) == "007fabff")
        #expect(Hex.decode("007FabFF") == [0x00, 0x7f, 0xab, 0xff])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
