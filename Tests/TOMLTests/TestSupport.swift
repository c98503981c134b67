import TOML

/// Parses `key = <text>` and returns the value stored under `key`.
func value(of text: String) throws -> TOMLValue? {
    try TOMLParser.parse("key = " + text + "\n")["key"]?.value
}

/// The error parsing `text` throws, or nil when it parses.
func parseError(_ text: String) -> TOMLError? {
    do {
        _ = try TOMLParser.parse(text)
        return nil
    } catch {
        return error
    }
}

extension TOMLTable {
    /// The value at a dotted `path` of plain names, descending through tables only.
    func lookup(_ path: String...) -> TOMLValue? {
        var table = self
        for name in path.dropLast() {
            guard case .table(let child)? = table[name]?.value else { return nil }
            table = child
        }
        return table[path[path.count - 1]]?.value
    }
}

extension TOMLValue {
    /// The table inside, or nil.
    var table: TOMLTable? {
        if case .table(let table) = self { return table }
        return nil
    }

    /// The elements inside, or nil.
    var array: [TOMLNode]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
