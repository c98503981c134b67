/// The rule a user's email address follows (DIR-2 offers email only with one): the
/// configuration reader and the admin API check it alike.
public enum EmailAddress {
    /// What a well-formed address looks like, for messages.
    public static let expected = "name@domain"

    /// True when `text` has one `@` after a non-empty local part, a domain with an inner dot,
    /// and no white space.
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !text.contains(where: \.isWhitespace)
    }
}
