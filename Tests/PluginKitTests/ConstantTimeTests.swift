import PluginKit
import Testing

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test("equal, different and different-length inputs")
    func comparisons() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [9, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }
}
