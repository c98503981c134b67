import Testing
import TOML

@Suite("Node positions")
struct PositionTests {
    @Test("a key/value node sits where its value starts")
    func valuePositions() throws {
        let table = try TOMLParser.parse("a = 1\n  b   =   \"x\"\nc = [1,\n  2]\n")
        #expect(table["a"]?.position == TOMLPosition(line: 1, column: 5))
        #expect(table["b"]?.position == TOMLPosition(line: 2, column: 11))
        #expect(table["c"]?.position == TOMLPosition(line: 3, column: 5))
        #expect(table["c"]?.value.array?[1].position == TOMLPosition(line: 4, column: 3))
    }

    @Test("header tables sit at their header, implicit ones at the header that defines them")
    func headerPositions() throws {
        let table = try TOMLParser.parse("x = 1\n[a.b]\n\n[a]\n[[t]]\n[[t]]\n")
        #expect(table["a"]?.position == TOMLPosition(line: 4, column: 1))
        #expect(table["a"]?.value.table?["b"]?.position == TOMLPosition(line: 2, column: 1))
        #expect(table["t"]?.position == TOMLPosition(line: 5, column: 1))
        #expect(table["t"]?.value.array?.map(\.position) == [TOMLPosition(line: 5, column: 1), TOMLPosition(line: 6, column: 1)])
    }

    @Test("inline tables sit at their brace, dotted-key tables at their key")
    func inlineAndDottedPositions() throws {
        let table = try TOMLParser.parse("p = { x = 1 }\nq.r.s = 2\n")
        #expect(table["p"]?.position == TOMLPosition(line: 1, column: 5))
        #expect(table["p"]?.value.table?["x"]?.position == TOMLPosition(line: 1, column: 11))
        #expect(table["q"]?.value.table?["r"]?.position == TOMLPosition(line: 2, column: 3))
    }
}
