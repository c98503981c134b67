/// Why a document is not valid TOML 1.0, and where.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem was found.
    public var position: TOMLPosition
    /// What was wrong, phrased as what was expected, e.g. `expected '=' after key "listen"`.
    public var message: String

    /// Creates an error.
    public init(_ message: String, at position: TOMLPosition) {
        self.message = message
        self.position = position
    }

    /// `line:column: message`; callers prefix the file name.
    public var description: String { "\(position): \(message)" }
}
