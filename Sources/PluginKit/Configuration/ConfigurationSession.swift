import Foundation
import TOML

/// The state of reading one configuration file: issues found, keys asked for and consumed.
/// Lives for one load, on one thread.
final class ConfigurationSession {
    let file: String
    let baseDirectory: String
    let environment: ConfigurationEnvironment
    private(set) var issues: [ConfigurationIssue] = []
    private var askedKeys: [String: Set<String>] = [:]
    private var consumedPaths: Set<String> = []
    private var redactedPaths: Set<String> = []
    private var descendedPaths: Set<String> = [""]

    init(file: String, environment: ConfigurationEnvironment) {
        self.file = file
        let directory = (file as NSString).deletingLastPathComponent
        self.baseDirectory = directory.isEmpty ? "." : directory
        self.environment = environment
    }

    func report(at position: TOMLPosition?, keyPath: String, _ message: String) {
        issues.append(ConfigurationIssue(file: file, position: position, keyPath: keyPath, message: message))
    }

    func ask(_ key: String, in tablePath: String) {
        askedKeys[Self.shape(of: tablePath), default: []].insert(key)
    }

    func consume(_ keyPath: String) { consumedPaths.insert(keyPath) }

    func wasRead(_ keyPath: String) -> Bool { consumedPaths.contains(keyPath) }

    /// Marks a key as holding secrets: shown only as where they come from.
    func redact(_ keyPath: String) { redactedPaths.insert(keyPath) }

    func isRedacted(_ keyPath: String) -> Bool { redactedPaths.contains(keyPath) }

    func descend(into keyPath: String) { descendedPaths.insert(keyPath) }

    /// A path relative to the configuration file's directory, or `path` if absolute.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") || baseDirectory == "." ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    /// Reports every key in the document that no component asked for, with the keys that
    /// the table does know.
    func reportUnknownKeys(in root: TOMLTable) {
        walk(root, path: "")
    }

    private func walk(_ table: TOMLTable, path: String) {
        for (key, node) in table.entries {
            let keyPath = Self.join(path, key)
            guard consumedPaths.contains(keyPath) else {
                let known = askedKeys[Self.shape(of: path), default: []].sorted()
                let hint = known.isEmpty ? "" : "; expected one of: \(known.joined(separator: ", "))"
                report(at: node.position, keyPath: keyPath, "unknown key\(hint)")
                continue
            }
            guard descendedPaths.contains(keyPath) else { continue }
            switch node.value {
            case .table(let subtable):
                walk(subtable, path: keyPath)
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    let elementPath = "\(keyPath)[\(index)]"
                    if case .table(let subtable) = element.value, descendedPaths.contains(elementPath) {
                        walk(subtable, path: elementPath)
                    }
                }
            default:
                continue
            }
        }
    }

    /// The path of `key` in the table at `path`; a key that is not a bare key (it has a dot,
    /// a space, a quote…) is quoted, so `"server.listen"` can never stand for `server.listen`.
    static func join(_ path: String, _ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        let written = bare ? key : "\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return path.isEmpty ? written : "\(path).\(written)"
    }

    /// Marks every key of the table at `path` as read, without looking inside: for a table
    /// whose owner could not read it (an unknown plugin kind), so its keys are not reported
    /// as unknown on top of the real problem.
    func consumeAll(of table: TOMLTable, at path: String) {
        for key in table.keys { consume(Self.join(path, key)) }
    }

    /// `tenants[3].users[1]` → `tenants[].users[]`, so known keys are shared by all elements.
    private static func shape(of path: String) -> String {
        var shape = ""
        var inIndex = false
        for character in path {
            switch character {
            case "[":
                inIndex = true
                shape.append(character)
            case "]":
                inIndex = false
                shape.append(character)
            default:
                if !inIndex { shape.append(character) }
            }
        }
        return shape
    }
}
