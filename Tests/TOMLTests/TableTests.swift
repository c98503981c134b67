import Testing
import TOML

@Suite("Tables, arrays and inline tables")
struct TableTests {
    @Test("headers, sub-tables and implicit super-tables")
    func headers() throws {
        let table = try TOMLParser.parse("""
            [server]
            host = "x"
            [ a . "b c" . d ]
            e = 1
            [a]
            f = 2

            """)
        #expect(table.lookup("server", "host") == .string("x"))
        #expect(table.lookup("a", "b c", "d", "e") == .integer(1))
        #expect(table.lookup("a", "f") == .integer(2))
    }

    @Test("arrays of tables, nested ones and sub-tables of the newest element")
    func arraysOfTables() throws {
        let table = try TOMLParser.parse("""
            [[fruits]]
            name = "apple"
            [fruits.physical]
            color = "red"
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits.varieties]]
            name = "granny smith"
            [[fruits]]
            name = "banana"

            """)
        let fruits = try #require(table.lookup("fruits")?.array)
        #expect(fruits.count == 2)
        let apple = try #require(fruits[0].value.table)
        #expect(apple.lookup("physical", "color") == .string("red"))
        #expect(apple.lookup("varieties")?.array?.count == 2)
        #expect(fruits[1].value.table?.lookup("name") == .string("banana"))
    }

    @Test("arrays mix types, span lines, hold comments and allow a trailing comma")
    func arrays() throws {
        let table = try TOMLParser.parse("""
            a = [
              1, # one
              "two",
              [3.0, { x = 4 }],
            ]
            b = []
            c = [ [ ], ]

            """)
        let a = try #require(table.lookup("a")?.array)
        #expect(a.map(\.value.typeName) == ["integer", "string", "array"])
        #expect(a[2].value.array?[1].value.table?.lookup("x") == .integer(4))
        #expect(table.lookup("b") == .array([]))
        #expect(table.lookup("c")?.array?.count == 1)
    }

    @Test("malformed arrays", arguments: ["[1 2]", "[,]", "[1,,2]", "[1", "[1,", "[1}", "[ # x ]"])
    func malformedArrays(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("inline tables, with dotted keys inside")
    func inlineTables() throws {
        let table = try TOMLParser.parse("point = { x = 1, y.z = 2, y.w = [3] }\nempty = {}\n")
        #expect(table.lookup("point", "x") == .integer(1))
        #expect(table.lookup("point", "y", "z") == .integer(2))
        #expect(table.lookup("empty") == .table(TOMLTable()))
    }

    @Test("inline tables stay on one line and have no trailing comma", arguments: [
        "{ x = 1, }", "{ x = 1\n}", "{\nx = 1 }", "{ x = 1 y = 2 }", "{ x = 1, x = 2 }", "{ x = 1 # c\n}", "{ , }",
        "{ x.y = 1, x = 2 }", "{ x = {}, x.y = 1 }",
    ])
    func malformedInlineTables(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("a trailing comma in an inline table is named")
    func inlineTrailingComma() throws {
        let error = try #require(parseError("a = { x = 1, }\n"))
        #expect(error.message == "a trailing comma is not allowed in an inline table")
        #expect(error.position == TOMLPosition(line: 1, column: 14))
    }

    @Test("headers must stand alone on their line")
    func headerLineEnd() {
        #expect(parseError("[a] b = 1\n") != nil)
        #expect(parseError("[[a]] b = 1\n") != nil)
        #expect(parseError("[ [a]]\n") != nil)
        #expect(parseError("[[a] ]\n") != nil)
        #expect(parseError("[a\n") != nil)
        #expect(parseError("[a] # fine\n") == nil)
    }

    @Test("nesting is bounded")
    func nestingLimit() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(parseError("a = \(deep)\n") == nil)
        let tooDeep = "[" + deep + "]"
        let error = try #require(parseError("a = \(tooDeep)\n"))
        #expect(error.message.contains("nest more than 100 deep"))
    }
}
