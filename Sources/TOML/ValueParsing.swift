/// Values after `=`: dispatch on the first character, arrays and inline tables.
extension Cursor {
    /// How deeply arrays and inline tables may nest, so hostile input cannot exhaust the stack.
    static let maximumNesting = 100

    /// Parses one value starting here; `depth` counts the arrays and inline tables around it.
    mutating func parseValue(depth: Int = 0) throws(TOMLError) -> TOMLNode {
        let position = position()
        let value: TOMLValue
        switch peek {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            value = .string(try parseString())
        case UInt8(ascii: "t") where looksAt("true"):
            index += 4
            value = .boolean(true)
        case UInt8(ascii: "f") where looksAt("false"):
            index += 5
            value = .boolean(false)
        case UInt8(ascii: "["):
            value = .array(try parseArray(depth: depth))
        case UInt8(ascii: "{"):
            value = .table(try parseInlineTable(at: position, depth: depth))
        case let byte? where byte.isDigit:
            value = isAtDateOrTime ? try parseDateTime() : try parseNumber()
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            value = try parseNumber()
        case UInt8(ascii: "i") where looksAt("inf"), UInt8(ascii: "n") where looksAt("nan"):
            value = try parseNumber()
        default:
            throw failure("expected a value, found \(describeNext())")
        }
        return TOMLNode(value, at: position)
    }

    /// Parses `[ … ]`: any values, separated by commas, a trailing comma, newlines and comments allowed.
    private mutating func parseArray(depth: Int) throws(TOMLError) -> [TOMLNode] {
        try checkNesting(depth)
        index += 1
        var elements: [TOMLNode] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            if consume(UInt8(ascii: "]")) { return elements }
            elements.append(try parseValue(depth: depth + 1))
            try skipWhitespaceCommentsAndNewlines()
            if consume(UInt8(ascii: "]")) { return elements }
            guard consume(UInt8(ascii: ",")) else {
                throw failure("expected ',' or ']' after array element, found \(describeNext())")
            }
        }
    }

    /// Parses `{ key = value, … }` on one line, without a trailing comma.
    private mutating func parseInlineTable(at position: TOMLPosition, depth: Int) throws(TOMLError) -> TOMLTable {
        try checkNesting(depth)
        index += 1
        let table = TableInProgress(.defined, at: position)
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return table.build() }
        while true {
            let key = try parseKey()
            guard consume(UInt8(ascii: "=")) else {
                throw failure("expected '=' after key \(key.displayName), found \(describeNext())")
            }
            skipWhitespace()
            try table.insert(try parseValue(depth: depth + 1), at: key)
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return table.build() }
            guard consume(UInt8(ascii: ",")) else {
                throw failure("expected ',' or '}' after inline table value, found \(describeNext())")
            }
            skipWhitespace()
            if peek == UInt8(ascii: "}") { throw failure("a trailing comma is not allowed in an inline table") }
        }
    }

    /// Refuses to open another array or inline table beyond `maximumNesting`.
    private func checkNesting(_ depth: Int) throws(TOMLError) {
        if depth >= Self.maximumNesting {
            throw failure("arrays and inline tables nest more than \(Self.maximumNesting) deep")
        }
    }
}
