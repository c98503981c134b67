/// A table while its document is being read. It remembers how it came to exist, because
/// TOML's redefinition rules depend on that, and becomes a `TOMLTable` once the document ends.
final class TableInProgress {
    /// How a table came to exist.
    enum Origin {
        /// Named on the way to a deeper `[header]` or `[[header]]`; a header may still define it once.
        case implicit
        /// Defined by a `[header]`, as an element of an array of tables, as the root, or inline.
        case defined
        /// Created by dotted keys; only further dotted keys may add to it.
        case dotted
    }

    /// What a key holds while the document is being read.
    enum Entry {
        /// A finished value: anything written after `=`, including static arrays and inline tables.
        case value(TOMLNode, keyPosition: TOMLPosition)
        /// A table made by headers or dotted keys, still open to additions.
        case table(TableInProgress, keyPosition: TOMLPosition)
        /// An array made by `[[header]]`s.
        case arrayOfTables(ArrayOfTablesInProgress)
    }

    /// How the table came to exist; may change from `implicit` to `defined` or `dotted`.
    var origin: Origin
    /// Where the table was defined: its header, its first dotted key part, or its brace
    /// (for a still implicit table: the header that named it).
    var position: TOMLPosition
    private var keys: [String] = []
    private var entries: [String: Entry] = [:]

    init(_ origin: Origin, at position: TOMLPosition) {
        self.origin = origin
        self.position = position
    }

    /// The entry under `key`, if any.
    subscript(key: String) -> Entry? { entries[key] }

    /// Adds `entry` under `key`, which must not be present yet (tables are changed in place).
    func add(_ entry: Entry, for key: String) {
        precondition(entries.updateValue(entry, forKey: key) == nil, "key added twice")
        keys.append(key)
    }

    /// The finished table.
    func build() -> TOMLTable {
        var table = TOMLTable()
        for key in keys {
            switch entries[key]! {
            case .value(let node, _):
                table[key] = node
            case .table(let child, _):
                table[key] = TOMLNode(.table(child.build()), at: child.position)
            case .arrayOfTables(let array):
                let elements = array.elements.map { TOMLNode(.table($0.build()), at: $0.position) }
                table[key] = TOMLNode(.array(elements), at: array.position)
            }
        }
        return table
    }
}

/// An array of tables while its document is being read; each `[[header]]` appends an element.
final class ArrayOfTablesInProgress {
    /// Where the first `[[header]]` for the array was written.
    let position: TOMLPosition
    /// The elements so far; never empty.
    private(set) var elements: [TableInProgress] = []

    init(at position: TOMLPosition) {
        self.position = position
    }

    /// Appends a new, empty element defined by the header at `position` and returns it.
    func appendElement(at position: TOMLPosition) -> TableInProgress {
        let element = TableInProgress(.defined, at: position)
        elements.append(element)
        return element
    }
}
