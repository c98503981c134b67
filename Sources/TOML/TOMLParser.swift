/// Parses TOML 1.0.0 documents.
public enum TOMLParser {
    /// Parses a whole document into its root table.
    ///
    /// - Throws: `TOMLError` at the first place the text stops being valid TOML 1.0.0.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        throw TOMLError("not implemented", at: TOMLPosition(line: 1, column: 1))
    }
}
