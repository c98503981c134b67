import Testing
import TOML

@Suite("Documents: line ends, comments, encoding")
struct DocumentTests {
    @Test("empty and comment-only documents")
    func empty() throws {
        #expect(try TOMLParser.parse("").count == 0)
        #expect(try TOMLParser.parse("  \t\n# only a comment\r\n\n").count == 0)
    }

    @Test("CRLF line ends are accepted; a lone CR is not")
    func lineEnds() throws {
        #expect(try TOMLParser.parse("a = 1\r\nb = 2\r\n").count == 2)
        let error = try #require(parseError("a = 1\rb = 2\n"))
        #expect(error.message == "carriage return must be followed by a line feed")
        #expect(error.position == TOMLPosition(line: 1, column: 6))
    }

    @Test("the last line needs no newline")
    func noFinalNewline() throws {
        #expect(try TOMLParser.parse("a = 1 # end").lookup("a") == .integer(1))
    }

    @Test("comments may hold tabs and any text but not control characters", arguments: [
        "\u{00}", "\u{08}", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}", "\r",
    ])
    func commentControls(control: String) {
        #expect(parseError("a = 1 # x\(control)y\n") != nil)
    }

    @Test("comments accept tabs and Unicode")
    func commentText() {
        #expect(parseError("# \tø 😀 \"' #\na = 1 #\t\u{3000}\n") == nil)
    }

    @Test("two values on one line are rejected after the first")
    func twoValues() throws {
        let error = try #require(parseError("a = 1 b = 2\n"))
        #expect(error.message == "expected end of line after value, found 'b'")
        #expect(error.position == TOMLPosition(line: 1, column: 7))
    }

    @Test("a byte order mark is allowed only at the start")
    func byteOrderMark() throws {
        #expect(try TOMLParser.parse("\u{FEFF}a = 1\n")["a"]?.position == TOMLPosition(line: 1, column: 5))
        #expect(parseError("a = 1\n\u{FEFF}b = 2\n") != nil)
    }

    @Test("bytes must be UTF-8; errors point at the first bad byte")
    func invalidUTF8() throws {
        #expect(try TOMLParser.parse(utf8: Array("a = \"ø\"\n".utf8)).lookup("a") == .string("ø"))
        for bad: [UInt8] in [[0xC3], [0xED, 0xA0, 0x80], [0xFF], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let bytes = Array("a = 1\nb = \"".utf8) + bad + Array("\"\n".utf8)
            #expect(throws: TOMLError.self) { try TOMLParser.parse(utf8: bytes) }
        }
        do {
            _ = try TOMLParser.parse(utf8: Array("a = 1\nb = \"ø".utf8) + [0xFE])
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.position == TOMLPosition(line: 2, column: 7))
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test("errors print as line:column: message")
    func errorDescription() {
        #expect(TOMLError("expected a value", at: TOMLPosition(line: 3, column: 7)).description == "3:7: expected a value")
    }
}
