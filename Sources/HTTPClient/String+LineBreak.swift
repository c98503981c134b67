extension String {
    /// Whether the text holds a CR or LF byte anywhere. Checked on bytes because Swift
    /// treats `\r\n` as one Character, which `contains("\r")` would not find.
    var containsLineBreak: Bool {
        utf8.contains { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
    }
}
