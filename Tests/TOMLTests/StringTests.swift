import Testing
import TOML

@Suite("Strings")
struct StringTests {
    @Test("basic strings resolve every escape")
    func basicEscapes() throws {
        #expect(try value(of: #""\b\t\n\f\r\"\\""#) == .string("\u{08}\t\n\u{0C}\r\"\\"))
        #expect(try value(of: #""\u00E9\U0001F600""#) == .string("é😀"))
    }

    @Test("literal strings keep backslashes", arguments: [
        (#"'C:\Users\x'"#, #"C:\Users\x"#),
        (#"'<\i\c*\s*>'"#, #"<\i\c*\s*>"#),
    ])
    func literal(text: String, expected: String) throws {
        #expect(try value(of: text) == .string(expected))
    }

    @Test("multiline basic strings trim the first newline and join line-ending backslashes")
    func multilineBasic() throws {
        #expect(try value(of: "\"\"\"\nRoses\nViolets\"\"\"") == .string("Roses\nViolets"))
        #expect(try value(of: "\"\"\"\\\n   The quick \\\n\n  brown\"\"\"") == .string("The quick brown"))
        #expect(try value(of: "\"\"\"a \\  \r\n  b\"\"\"") == .string("a b"))
        #expect(try value(of: "\"\"\"x\r\ny\"\"\"") == .string("x\ny"))
    }

    @Test("one or two quotes may sit right before the closing delimiter", arguments: [
        ("\"\"\"a\"\"\"\"", "a\""),
        ("\"\"\"a\"\"\"\"\"", "a\"\""),
        ("\"\"\"\"\"\"\"", "\""),
        ("'''a''''", "a'"),
        ("'''a'''''", "a''"),
        ("'''\n'x'\n'''", "'x'\n"),
    ])
    func quotesBeforeClosing(text: String, expected: String) throws {
        #expect(try value(of: text) == .string(expected))
    }

    @Test("three extra quotes are too many")
    func tooManyQuotes() {
        #expect(parseError("a = \"\"\"a\"\"\"\"\"\"\n") != nil)
        #expect(parseError("a = '''a''''''\n") != nil)
    }

    @Test("invalid escapes are rejected with the sequence named")
    func invalidEscape() throws {
        let error = try #require(parseError("a = \"x\\qy\"\n"))
        #expect(error.message == #"invalid escape sequence '\q'"#)
        #expect(error.position == TOMLPosition(line: 1, column: 7))
    }

    @Test("TOML 1.1 escapes are not TOML 1.0", arguments: [#""\e""#, #""\x41""#, #""\/""#])
    func newerEscapes(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("unicode escapes must name scalar values", arguments: [
        #""\uD800""#, #""\uDFFF""#, #""\U00110000""#, #""\u12""#, #""\U0000004""#,
    ])
    func badUnicodeEscape(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("a backslash followed by spaces but no newline is not a line-ending backslash")
    func backslashSpaceWithoutNewline() {
        #expect(parseError("a = \"\"\"x \\  y\"\"\"\n") != nil)
    }

    @Test("single-line strings cannot span lines")
    func unterminated() throws {
        let error = try #require(parseError("a = \"abc\nb = 1\n"))
        #expect(error.message == #"expected closing '"' before end of line"#)
        #expect(error.position == TOMLPosition(line: 1, column: 9))
        #expect(parseError("a = 'abc\n") != nil)
        #expect(parseError("a = \"\"\"abc") != nil)
    }

    @Test("raw control characters are rejected in every string form, tab is allowed")
    func controlCharacters() throws {
        for form in [("\"", "\""), ("'", "'"), ("\"\"\"", "\"\"\""), ("'''", "'''")] {
            #expect(try value(of: form.0 + "a\tb" + form.1) == .string("a\tb"))
            for control in ["\u{00}", "\u{08}", "\u{1F}", "\u{7F}", "\r"] {
                #expect(parseError("a = " + form.0 + "a" + control + "b" + form.1 + "\n") != nil)
            }
        }
        let error = try #require(parseError("a = \"x\u{01}\"\n"))
        #expect(error.message == "control character U+0001 must be escaped in a string")
    }
}
