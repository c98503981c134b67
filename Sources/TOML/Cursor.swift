/// A read position in a document's UTF-8 bytes that knows its line and column.
///
/// Every newline must be consumed through `consumeNewline()` so the line count stays right;
/// everything else may move `index` directly.
struct Cursor {
    /// The document, valid UTF-8.
    let bytes: [UInt8]
    /// Offset of the next byte to read.
    var index = 0
    /// 1-based line of `index`.
    private(set) var line = 1
    /// Offset where the current line starts.
    private(set) var lineStart = 0
    /// The last column computed on the current line, so long lines are not recounted.
    private var columnMemo: (offset: Int, column: Int) = (0, 1)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { index >= bytes.count }

    /// The next byte, or nil at the end.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The byte `offset` places after the next one, or nil past the end.
    func peek(ahead offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Whether the bytes at `index` spell `literal`.
    func looksAt(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `\n` or `\r\n` if next, counting the line; a lone `\r` is an error.
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        switch peek {
        case UInt8(ascii: "\n"):
            index += 1
        case UInt8(ascii: "\r"):
            guard peek(ahead: 1) == UInt8(ascii: "\n") else {
                throw failure("carriage return must be followed by a line feed")
            }
            index += 2
        default:
            return false
        }
        line += 1
        lineStart = index
        columnMemo = (index, 1)
        return true
    }

    /// Skips a UTF-8 byte order mark at the start of the document; it takes no column.
    mutating func skipByteOrderMark() {
        guard index == 0, looksAt("\u{FEFF}") else { return }
        index = 3
        lineStart = 3
        columnMemo = (3, 1)
    }

    /// The position of the next byte, remembered so the next call on this line counts less.
    mutating func position() -> TOMLPosition {
        let column = column(of: index)
        columnMemo = (index, column)
        return TOMLPosition(line: line, column: column)
    }

    /// An error at the next byte.
    func failure(_ message: String) -> TOMLError {
        TOMLError(message, at: TOMLPosition(line: line, column: column(of: index)))
    }

    /// Columns count Unicode scalars: every byte that is not a UTF-8 continuation byte.
    private func column(of offset: Int) -> Int {
        var (from, column) = columnMemo.offset <= offset ? columnMemo : (lineStart, 1)
        let end = min(offset, bytes.count)
        while from < end {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        return column
    }
}
