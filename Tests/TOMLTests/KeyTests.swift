import Testing
import TOML

@Suite("Keys")
struct KeyTests {
    @Test("bare, quoted and dotted keys, with whitespace around dots")
    func keyForms() throws {
        let table = try TOMLParser.parse("""
            bare_key-1 = 1
            "quoted key" = 2
            'literal "key"' = 3
            "" = 4
            site . "google.com" . name = 5
            3.14159 = 6
            "\\u00e9" = 7

            """)
        #expect(table.keys == ["bare_key-1", "quoted key", "literal \"key\"", "", "site", "3", "é"])
        #expect(table.lookup("site", "google.com", "name") == .integer(5))
        #expect(table.lookup("3", "14159") == .integer(6))
    }

    @Test("keys keep document order")
    func order() throws {
        let table = try TOMLParser.parse("z = 1\na = 2\nm = 3\n")
        #expect(table.keys == ["z", "a", "m"])
        #expect(table.entries.map(\.key) == ["z", "a", "m"])
    }

    @Test("malformed keys", arguments: [
        "= 1", "a. = 1", ".a = 1", "a..b = 1", "a b = 1", "é = 1", "\"\"\"k\"\"\" = 1", "'''k''' = 1",
        "a = 1 = 2", "a\n= 1", "[a.]", "[.a]", "[]", "[[]]", "a.\"b\nc\" = 1",
    ])
    func malformed(text: String) {
        #expect(parseError(text + "\n") != nil)
    }

    @Test("a missing '=' names the key")
    func missingEquals() throws {
        let error = try #require(parseError("\n  listen 8080\n"))
        #expect(error.message == #"expected '=' after key "listen", found '8'"#)
        #expect(error.position == TOMLPosition(line: 2, column: 10))
    }

    @Test("a missing value is reported where the value should start")
    func missingValue() throws {
        let error = try #require(parseError("a =\nb = 1\n"))
        #expect(error.message == "expected a value, found end of line")
        #expect(error.position == TOMLPosition(line: 1, column: 4))
    }

    @Test("columns count Unicode scalars, not bytes")
    func scalarColumns() throws {
        let error = try #require(parseError("\"ø😀\" = 1 x\n"))
        #expect(error.position == TOMLPosition(line: 1, column: 10))
    }
}
