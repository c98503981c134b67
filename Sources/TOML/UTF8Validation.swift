/// Checks that a document's bytes are UTF-8 before parsing, so the parser may assume it.
enum UTF8Validation {
    /// Throws at the first byte sequence that is not valid UTF-8 (this includes encoded
    /// surrogates and overlong forms).
    static func validate(_ bytes: [UInt8]) throws(TOMLError) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error:
                let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
                throw TOMLError(
                    "invalid UTF-8 (byte \(byte)); TOML documents must be UTF-8",
                    at: TOMLPosition(line: line, column: column))
            case .emptyInput:
                return
            }
        }
    }
}
