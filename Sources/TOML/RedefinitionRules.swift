/// TOML's rules for where keys, `[tables]` and `[[arrays of tables]]` may be defined:
/// nothing is defined twice, inline tables and static arrays are closed, headers cannot
/// reopen tables made by dotted keys, and dotted keys cannot reopen tables made by headers.
extension TableInProgress {
    /// Defines `key = value` in this table, creating tables for the parts of a dotted key.
    func insert(_ value: TOMLNode, at key: [KeySegment]) throws(TOMLError) {
        var table = self
        for (depth, segment) in key.dropLast().enumerated() {
            let path = key[...depth]
            switch table[segment.name] {
            case nil:
                let child = TableInProgress(.dotted, at: segment.position)
                table.add(.table(child, keyPosition: segment.position), for: segment.name)
                table = child
            case .table(let child, _):
                switch child.origin {
                case .dotted:
                    break
                case .implicit:
                    child.origin = .dotted
                    child.position = segment.position
                case .defined:
                    throw TOMLError(
                        "cannot add to table \(path.displayName) with dotted keys: "
                            + "it was defined by a header at \(child.position)",
                        at: segment.position)
                }
                table = child
            case .arrayOfTables(let array):
                throw TOMLError(
                    "cannot add to array of tables \(path.displayName) (defined at \(array.position)) with dotted keys",
                    at: segment.position)
            case .value(let node, let keyPosition):
                throw Self.closedValue(node, named: path, definedAt: keyPosition, at: segment.position)
            }
        }
        let last = key[key.count - 1]
        if let existing = table[last.name] {
            throw TOMLError(
                "duplicate key \(key.displayName) (first defined at \(existing.keyPosition))",
                at: last.position)
        }
        table.add(.value(value, keyPosition: last.position), for: last.name)
    }

    /// Defines the table a `[header]` at `position` names and returns it; called on the root.
    func defineTable(_ path: [KeySegment], at position: TOMLPosition) throws(TOMLError) -> TableInProgress {
        let parent = try parentForHeader(path, at: position)
        let last = path[path.count - 1]
        switch parent[last.name] {
        case nil:
            let table = TableInProgress(.defined, at: position)
            parent.add(.table(table, keyPosition: last.position), for: last.name)
            return table
        case .table(let table, _):
            switch table.origin {
            case .implicit:
                table.origin = .defined
                table.position = position
                return table
            case .defined:
                throw TOMLError(
                    "table \(path.displayName) is defined twice (first defined at \(table.position))", at: position)
            case .dotted:
                throw TOMLError(
                    "table \(path.displayName) was already defined by dotted keys at \(table.position)", at: position)
            }
        case .arrayOfTables(let array):
            throw TOMLError(
                "\(path.displayName) is an array of tables (first defined at \(array.position)), not a table",
                at: position)
        case .value(let node, let keyPosition):
            throw Self.closedValue(node, named: path[...], definedAt: keyPosition, at: position)
        }
    }

    /// Appends a new element to the array of tables a `[[header]]` at `position` names and
    /// returns it; called on the root.
    func appendTable(to path: [KeySegment], at position: TOMLPosition) throws(TOMLError) -> TableInProgress {
        let parent = try parentForHeader(path, at: position)
        let last = path[path.count - 1]
        switch parent[last.name] {
        case nil:
            let array = ArrayOfTablesInProgress(at: position)
            parent.add(.arrayOfTables(array), for: last.name)
            return array.appendElement(at: position)
        case .arrayOfTables(let array):
            return array.appendElement(at: position)
        case .table(let table, _):
            throw TOMLError(
                "cannot define array of tables \(path.displayName): it is already a table (defined at \(table.position))",
                at: position)
        case .value(let node, let keyPosition):
            throw Self.closedValue(node, named: path[...], definedAt: keyPosition, at: position)
        }
    }

    /// Walks a header's path up to its last part, creating implicit tables and entering the
    /// newest element of arrays of tables.
    private func parentForHeader(_ path: [KeySegment], at position: TOMLPosition) throws(TOMLError) -> TableInProgress {
        var table = self
        for (depth, segment) in path.dropLast().enumerated() {
            switch table[segment.name] {
            case nil:
                let child = TableInProgress(.implicit, at: position)
                table.add(.table(child, keyPosition: segment.position), for: segment.name)
                table = child
            case .table(let child, _):
                table = child
            case .arrayOfTables(let array):
                table = array.elements[array.elements.count - 1]
            case .value(let node, let keyPosition):
                throw Self.closedValue(node, named: path[...depth], definedAt: keyPosition, at: segment.position)
            }
        }
        return table
    }

    /// The error for trying to add to a key that already holds a finished value.
    private static func closedValue(
        _ node: TOMLNode, named path: ArraySlice<KeySegment>, definedAt keyPosition: TOMLPosition,
        at position: TOMLPosition
    ) -> TOMLError {
        let message = switch node.value {
        case .table:
            "cannot add to inline table \(path.displayName) (defined at \(keyPosition)): inline tables are complete when written"
        case .array:
            "cannot add to static array \(path.displayName) (defined at \(keyPosition)): only arrays made by [[headers]] can be extended"
        default:
            "\(path.displayName) already holds a value of type \(node.value.typeName) (defined at \(keyPosition))"
        }
        return TOMLError(message, at: position)
    }
}

extension TableInProgress.Entry {
    /// Where the key holding this entry was first written.
    var keyPosition: TOMLPosition {
        switch self {
        case .value(_, let position), .table(_, let position): position
        case .arrayOfTables(let array): array.position
        }
    }
}
