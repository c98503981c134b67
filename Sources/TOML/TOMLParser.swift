/// Parses TOML 1.0.0 documents.
public enum TOMLParser {
    /// Parses a whole document into its root table.
    ///
    /// - Throws: `TOMLError` at the first place the text stops being valid TOML 1.0.0.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var cursor = Cursor(Array(text.utf8))
        return try cursor.parseDocument()
    }

    /// Parses a whole document given as the bytes of a file, which must be UTF-8.
    ///
    /// - Throws: `TOMLError` at the first byte that is not valid UTF-8, or at the first place
    ///   the text stops being valid TOML 1.0.0.
    public static func parse(utf8 bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        try UTF8Validation.validate(bytes)
        var cursor = Cursor(bytes)
        return try cursor.parseDocument()
    }
}
