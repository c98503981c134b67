import TOML

extension ConfigReader {
    /// Reads `text` as a whole file with `read` and returns every issue found, unknown keys
    /// included, in file order: the way to test a component's `init(config:)` on its own.
    public static func issues(
        reading text: String, file: String, environment: ConfigurationEnvironment = .process, _ read: (ConfigReader) -> Void
    ) -> [ConfigurationIssue] {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            return [ConfigurationIssue(file: file, position: error.position, keyPath: "", message: error.message)]
        }
        let session = ConfigurationSession(file: file, environment: environment)
        read(ConfigReader(table: root, path: "", position: TOMLPosition(line: 1, column: 1), session: session))
        session.reportUnknownKeys(in: root)
        return session.issues.enumerated().sorted { left, right in
            let l = left.element.position.map { ($0.line, $0.column) } ?? (0, 0)
            let r = right.element.position.map { ($0.line, $0.column) } ?? (0, 0)
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }
}
