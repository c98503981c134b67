import Testing
import TOML

@Suite("Redefinition rules")
struct RedefinitionTests {
    @Test("documents that define something twice or reopen something closed", arguments: [
        "a = 1\na = 2",
        "a = 1\n\"a\" = 2",
        "a = 1\n'a' = 2",
        "a.b = 1\na.b = 2",
        "a.b.c = 1\na.b = 2",
        "a = 1\na.b = 2",
        "[a]\n[a]",
        "[a]\nb = 1\n[a.b]",
        "[a.b]\n[a]\n[a.b]",
        "[a]\nb.c = 1\n[a.b]",
        "[a]\nb.c.d = 1\n[a.b.c]",
        "a.b = 1\n[a]",
        "[a.b.c]\nz = 9\n[a]\nb.c.t = 1",
        "[a.b.c.d]\n[a]\nb.c.d.k.t = 1",
        "[a.b.c]\n[a]\nb.x = 1\n[a.b]",
        "a = {}\n[a]",
        "a = {}\n[a.b]",
        "a = { b = 1 }\na.c = 2",
        "a = { b = { c = 1 } }\n[a.b]",
        "a = []\n[[a]]",
        "a = [{ b = 1 }]\n[[a]]",
        "a = [{ b = 1 }]\n[a.c]",
        "[a]\n[[a]]",
        "[[a]]\n[a]",
        "[[a.b]]\n[a]\nb.c = 1",
        "[[a]]\nb = 1\nb = 2",
        "a = true\n[a.b]",
        "[a]\nb = 1\n[[a.b]]",
    ])
    func rejected(text: String) {
        #expect(parseError(text + "\n") != nil, "accepted:\n\(text)")
    }

    @Test("definitions that look alike but are allowed", arguments: [
        "[a.b.c]\n[a]\nd = 1",
        "[a]\n[a.b]\n[a.b.c]",
        "[a.b]\n[a]",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true",
        "[fruit]\napple.color = \"red\"\n[[fruit.apple.seeds]]\nsize = 2",
        "[[a]]\n[a.b]\n[[a]]\n[a.b]",
        "[[a]]\nb.c = 1\n[a.b.d]",
        "a.b.c = 1\na.b.d = 2\na.e = 3",
        "[a.b.c]\n[a]\nb.d = 1",
        "[[a.b]]\n[[a.b]]\n[a]",
        "x = { a.b = 1, a.c = 2 }",
    ])
    func accepted(text: String) {
        #expect(parseError(text + "\n") == nil, "rejected:\n\(text)")
    }

    @Test("a duplicate key points at the first definition")
    func duplicateKeyMessage() throws {
        let error = try #require(parseError("\n\nname = \"a\"\nport = 1\nname = \"b\"\n"))
        #expect(error.message == #"duplicate key "name" (first defined at 3:1)"#)
        #expect(error.position == TOMLPosition(line: 5, column: 1))
    }

    @Test("a duplicate dotted key names the whole key")
    func duplicateDottedKey() throws {
        let error = try #require(parseError("[s]\na.\"b c\" = 1\na . 'b c' = 2\n"))
        #expect(error.message == #"duplicate key a."b c" (first defined at 2:3)"#)
        #expect(error.position == TOMLPosition(line: 3, column: 5))
    }

    @Test("a table defined twice points at the first header")
    func tableTwiceMessage() throws {
        let error = try #require(parseError("[a]\nx = 1\n\n  [a]\n"))
        #expect(error.message == #"table "a" is defined twice (first defined at 1:1)"#)
        #expect(error.position == TOMLPosition(line: 4, column: 3))
    }

    @Test("dotted keys cannot reopen a header's table, and the message says so")
    func dottedIntoHeaderTable() throws {
        let error = try #require(parseError("[a.b]\n[a]\nb.c = 1\n"))
        #expect(error.message == #"cannot add to table "b" with dotted keys: it was defined by a header at 1:1"#)
        #expect(error.position == TOMLPosition(line: 3, column: 1))
    }

    @Test("a header cannot define a table dotted keys made, even one a header named first")
    func headerAfterDottedMessage() throws {
        let error = try #require(parseError("[a.b.c]\n[a]\nb.x = 1\n[a.b]\n"))
        #expect(error.message == #"table "a.b" was already defined by dotted keys at 3:1"#)
        #expect(error.position == TOMLPosition(line: 4, column: 1))
    }

    @Test("inline tables are closed once written")
    func inlineClosedMessage() throws {
        let error = try #require(parseError("a = { b = 1 }\na.c = 2\n"))
        #expect(error.message.hasPrefix(#"cannot add to inline table "a" (defined at 1:1)"#))
        #expect(error.position == TOMLPosition(line: 2, column: 1))
    }

    @Test("static arrays cannot be extended by [[headers]]")
    func staticArrayMessage() throws {
        let error = try #require(parseError("a = [1]\n[[a]]\n"))
        #expect(error.message.hasPrefix(#"cannot add to static array "a" (defined at 1:1)"#))
    }
}
