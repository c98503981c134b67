public import TOML

/// Reads one table of a configuration file with type checks, defaults and validation,
/// collecting every problem instead of stopping at the first.
///
/// A component's configuration is read by its `init(config:)`, which asks for each of its
/// keys here. Whatever no component asked for is reported as an unknown key when the whole
/// file has been read (`ConfigurationLoader`). Every accessor returns a usable value even
/// when the input is wrong (the default, or nil), so reading goes on and all issues are found.
public struct ConfigReader {
    /// The table's key path, e.g. `tenants[0]`; empty for the root.
    public let path: String
    /// Where the table starts in the file.
    public let position: TOMLPosition
    private let table: TOMLTable
    private let session: ConfigurationSession

    init(table: TOMLTable, path: String, position: TOMLPosition, session: ConfigurationSession) {
        self.table = table
        self.path = path
        self.position = position
        self.session = session
    }

    /// `path` resolved against the configuration file's folder (unchanged when absolute).
    public func resolvePath(_ path: String) -> String { session.resolve(path) }

    /// The full key path of `key` in this table.
    public func keyPath(_ key: String) -> String { ConfigurationSession.join(path, key) }

    /// The keys of this table read so far, except `excluded`, with their values as written;
    /// a secret shows only where it comes from (`<redacted env:NAME>`). What a component's
    /// effective configuration shows for keys only its own reader knows.
    public func valuesRead(excluding excluded: Set<String> = []) -> TOMLTable {
        var read = TOMLTable()
        for (key, node) in table.entries where !excluded.contains(key) && session.wasRead(keyPath(key)) {
            read[key] = session.isRedacted(keyPath(key)) ? TOMLNode(Self.redacted(node.value), at: node.position) : node
        }
        return read
    }

    private static func redacted(_ value: TOMLValue) -> TOMLValue {
        switch value {
        case .string(let reference): .string("<redacted \(reference)>")
        case .array(let nodes): .array(nodes.map { TOMLNode(redacted($0.value), at: $0.position) })
        default: .string("<redacted>")
        }
    }

    /// Treats every key of this table as read: for a table that cannot be read further
    /// because of a problem already reported (an unknown plugin kind), so that its keys are
    /// not all reported again as unknown.
    public func acceptRemainingKeys() {
        session.consumeAll(of: table, at: path)
    }

    /// True when the table has `key` (asking counts as knowing the key).
    public func contains(_ key: String) -> Bool {
        session.ask(key, in: path)
        return table[key] != nil
    }

    /// Records a problem with `key` (or with this table when `key` is nil) at the key's position.
    public func report(_ key: String?, _ message: String) {
        let node = key.flatMap { table[$0] }
        session.report(at: node?.position ?? position, keyPath: key.map(keyPath) ?? path, message)
    }

    /// Reads `key` with `convert`, which returns the value or a message saying what was
    /// expected. Missing keys give nil, and an issue when `required`.
    public func value<Value>(
        _ key: String, required: Bool = false, _ convert: (TOMLValue) -> Result<Value, ConfigValueError>
    ) -> Value? {
        session.ask(key, in: path)
        guard let node = table[key] else {
            if required { report(nil, "missing required key \"\(key)\"") }
            return nil
        }
        session.consume(keyPath(key))
        switch convert(node.value) {
        case .success(let value): return value
        case .failure(let error):
            session.report(at: node.position, keyPath: keyPath(key), error.message)
            return nil
        }
    }

    /// A string, or nil if absent.
    public func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required) { value in
            guard case .string(let text) = value else { return .failure(.expected("a string", found: value)) }
            return .success(text)
        }
    }

    /// A string, or `defaultValue` if absent or wrong.
    public func string(_ key: String, default defaultValue: String) -> String {
        string(key) ?? defaultValue
    }

    /// A non-empty string that must be present.
    public func requiredText(_ key: String) -> String? {
        guard let text = string(key, required: true) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            report(key, "expected a non-empty string")
            return nil
        }
        return text
    }

    /// An integer within `range`, or `defaultValue` if absent or wrong.
    public func integer(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) -> Int {
        value(key) { value in
            guard case .integer(let number) = value else { return .failure(.expected("an integer", found: value)) }
            guard range.contains(Int(number)) else {
                return .failure(ConfigValueError("\(number) is out of range \(range.lowerBound)…\(range.upperBound)"))
            }
            return .success(Int(number))
        } ?? defaultValue
    }

    /// A boolean, or `defaultValue` if absent or wrong.
    public func boolean(_ key: String, default defaultValue: Bool) -> Bool {
        value(key) { value in
            guard case .boolean(let flag) = value else { return .failure(.expected("true or false", found: value)) }
            return .success(flag)
        } ?? defaultValue
    }

    /// One of an enumeration's raw values, or `defaultValue` if absent or wrong.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: Choice) -> Choice
    where Choice.RawValue == String {
        choice(key, required: false) ?? defaultValue
    }

    /// One of an enumeration's raw values, or nil if absent or wrong.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool) -> Choice?
    where Choice.RawValue == String {
        let names = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return value(key, required: required) { value in
            guard case .string(let text) = value else { return .failure(.expected("one of \(names)", found: value)) }
            guard let choice = Choice(rawValue: text) else {
                return .failure(ConfigValueError("\"\(text)\" is not one of \(names)"))
            }
            return .success(choice)
        }
    }

    /// A secret written as `env:NAME` or `file:PATH`, resolved now. The value itself never
    /// appears in an issue, even when it was (wrongly) written literally.
    public func secret(_ key: String, required: Bool = false) -> Secret? {
        let session = self.session
        session.redact(keyPath(key))
        return value(key, required: required) { value in
            guard case .string(let text) = value else { return .failure(.expected("\"env:NAME\" or \"file:PATH\"", found: value)) }
            return Self.resolveSecret(text, in: session)
        }
    }

    /// An array of secrets, each written as `env:NAME` or `file:PATH` and resolved now, in
    /// order (several webhook signing keys during a rotation, say); `[]` if absent or wrong.
    /// Each element that cannot be resolved is reported at its own position as `key[INDEX]`
    /// and left out; no value ever appears in an issue.
    public func secrets(_ key: String, required: Bool = false) -> [Secret] {
        session.redact(keyPath(key))
        let nodes: [TOMLNode] = value(key, required: required) { value in
            guard case .array(let nodes) = value else {
                return .failure(.expected("an array of \"env:NAME\" or \"file:PATH\" strings", found: value))
            }
            return .success(nodes)
        } ?? []
        return nodes.enumerated().compactMap { index, node in
            let result: Result<Secret, ConfigValueError> =
                if case .string(let text) = node.value {
                    Self.resolveSecret(text, in: session)
                } else {
                    .failure(.expected("\"env:NAME\" or \"file:PATH\"", found: node.value))
                }
            switch result {
            case .success(let secret): return secret
            case .failure(let error):
                session.report(at: node.position, keyPath: "\(keyPath(key))[\(index)]", error.message)
                return nil
            }
        }
    }

    private static func resolveSecret(_ text: String, in session: ConfigurationSession) -> Result<Secret, ConfigValueError> {
        if text.hasPrefix("env:"), text.count > 4 {
            let name = String(text.dropFirst(4))
            guard let resolved = session.environment.variable(name) else {
                return .failure(ConfigValueError("environment variable \(name) is not set"))
            }
            return .success(Secret(resolved, from: .environment(name)))
        }
        if text.hasPrefix("file:"), text.count > 5 {
            let path = session.resolve(String(text.dropFirst(5)))
            guard var contents = session.environment.readFile(path) else {
                return .failure(ConfigValueError("cannot read secret file \(path)"))
            }
            while contents.last == "\n" || contents.last == "\r" { contents.removeLast() }
            return .success(Secret(contents, from: .file(path)))
        }
        return .failure(ConfigValueError("a secret must name where it lives, \"env:NAME\" or \"file:PATH\"; it is never written literally"))
    }

    /// An array of strings, or `[]` if absent or wrong.
    public func strings(_ key: String) -> [String] {
        value(key) { value in
            guard case .array(let nodes) = value else { return .failure(.expected("an array of strings", found: value)) }
            var strings: [String] = []
            for node in nodes {
                guard case .string(let text) = node.value else {
                    return .failure(ConfigValueError("expected an array of strings, found a \(node.value.typeName) at \(node.position)"))
                }
                strings.append(text)
            }
            return .success(strings)
        } ?? []
    }

    /// A sub-table (`[server]`), or nil if absent or not a table.
    public func table(_ key: String) -> ConfigReader? {
        let position = table[key]?.position ?? self.position
        let subtable: TOMLTable? = value(key) { value in
            guard case .table(let subtable) = value else { return .failure(.expected("a table", found: value)) }
            return .success(subtable)
        }
        return subtable.map { subtable in
            session.descend(into: keyPath(key))
            return ConfigReader(table: subtable, path: keyPath(key), position: position, session: session)
        }
    }

    /// The tables of an array of tables (`[[tenants]]`) or of an array of inline tables.
    public func tables(_ key: String) -> [ConfigReader] {
        let nodes: [TOMLNode] = value(key) { value in
            guard case .array(let nodes) = value else { return .failure(.expected("an array of tables", found: value)) }
            if let bad = nodes.first(where: { if case .table = $0.value { false } else { true } }) {
                return .failure(ConfigValueError("expected an array of tables, found a \(bad.value.typeName) at \(bad.position)"))
            }
            return .success(nodes)
        } ?? []
        guard !nodes.isEmpty else { return [] }
        session.descend(into: keyPath(key))
        return nodes.enumerated().map { index, node in
            guard case .table(let subtable) = node.value else { preconditionFailure("checked above") }
            let elementPath = "\(keyPath(key))[\(index)]"
            session.descend(into: elementPath)
            return ConfigReader(table: subtable, path: elementPath, position: node.position, session: session)
        }
    }
}

/// What a configuration value should have been.
public struct ConfigValueError: Error, Sendable {
    /// The message, phrased as what was expected.
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// `expected WHAT, found a TYPE`.
    public static func expected(_ what: String, found value: TOMLValue) -> ConfigValueError {
        ConfigValueError("expected \(what), found \(article(value.typeName)) \(value.typeName)")
    }

    private static func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an" : "a"
    }
}
