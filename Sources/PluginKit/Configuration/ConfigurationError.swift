public import TOML

/// One thing wrong in a configuration file: where, which key, and what was expected.
public struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// Where in the file; nil when the problem is the file itself (unreadable).
    public var position: TOMLPosition?
    /// The key path, e.g. `tenants[0].users[2].mobile`; empty for the whole file.
    public var keyPath: String
    /// What is wrong, phrased as what was expected.
    public var message: String

    /// Creates an issue.
    public init(file: String, position: TOMLPosition?, keyPath: String, message: String) {
        self.file = file
        self.position = position
        self.keyPath = keyPath
        self.message = message
    }

    /// `config.toml:12:7: server.listen: port 70000 is out of range 0…65535`.
    public var description: String {
        let location = position.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}

/// Every problem found in a configuration file, reported at once; nothing was started.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var issues: [ConfigurationIssue]

    /// Creates an error from its issues.
    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
