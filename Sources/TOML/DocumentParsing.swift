/// The top level of a document: key/value lines, `[table]` and `[[array of tables]]` headers.
extension Cursor {
    /// Parses the whole document into its root table.
    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        skipByteOrderMark()
        let root = TableInProgress(.defined, at: TOMLPosition(line: 1, column: 1))
        var current = root
        while true {
            skipWhitespace()
            try skipComment()
            if isAtEnd { return root.build() }
            if try consumeNewline() { continue }
            if peek == UInt8(ascii: "[") {
                current = try parseHeader(into: root)
            } else {
                let key = try parseKey()
                guard consume(UInt8(ascii: "=")) else {
                    throw failure("expected '=' after key \(key.displayName), found \(describeNext())")
                }
                skipWhitespace()
                try current.insert(try parseValue(), at: key)
                try expectLineEnd(after: "value")
            }
        }
    }

    /// Parses a `[table]` or `[[array of tables]]` header and returns the table it opens.
    private mutating func parseHeader(into root: TableInProgress) throws(TOMLError) -> TableInProgress {
        let position = position()
        index += 1
        let isArrayOfTables = consume(UInt8(ascii: "["))
        let path = try parseKey()
        guard consume(UInt8(ascii: "]")) else {
            throw failure("expected ']' after table name \(path.displayName), found \(describeNext())")
        }
        if isArrayOfTables, !consume(UInt8(ascii: "]")) {
            throw failure("expected ']]' after array of tables name \(path.displayName), found \(describeNext())")
        }
        let table = isArrayOfTables
            ? try root.appendTable(to: path, at: position) : try root.defineTable(path, at: position)
        try expectLineEnd(after: isArrayOfTables ? "array of tables header" : "table header")
        return table
    }
}
