public import Foundation

/// A request's JSON object body, read field by field: every problem (missing, wrong type,
/// out of range, unknown field) is collected, and ``finish()`` reports them all at once as
/// one `validation-failed` problem. A body that is not a JSON object is `malformed-json`.
/// The gateway's routes and plugins' routes read bodies with it alike.
public struct JSONBody {
    private let object: [String: JSONValue]
    private let prefix: String
    private var issues: [FieldIssue] = []
    private var read: Set<String> = []

    /// Parses `body` sent as `contentType`; an empty body is an empty object when
    /// `allowEmpty`.
    ///
    /// - Throws: ``PluginProblem`` `malformed-json` (400) or `unsupported-media-type` (415).
    public init(_ body: Data, contentType: String?, allowEmpty: Bool = false) throws(PluginProblem) {
        if body.isEmpty {
            guard allowEmpty else { throw PluginProblem.malformedJSON("The request needs a JSON object body.") }
            self.init(object: [:], prefix: "")
            return
        }
        if let type = contentType, !type.lowercased().hasPrefix("application/json") {
            throw PluginProblem.unsupportedMediaType("Send the body as application/json, not \(type).")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw PluginProblem.malformedJSON(Self.describeBody(error, body))
        }
        guard case .object(let object) = value else { throw PluginProblem.malformedJSON("The body must be a JSON object.") }
        if let repeated = JSONDuplicateKey.first(in: body) {
            throw PluginProblem.malformedJSON("The body has the key \(repeated) twice; each key may appear once in an object.")
        }
        self.init(object: object, prefix: "")
    }

    private init(object: [String: JSONValue], prefix: String) {
        self.object = object
        self.prefix = prefix
    }

    /// Whether the body has `key` (even as null).
    public func has(_ key: String) -> Bool { object[key] != nil }

    /// The field's full path for issues.
    public func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    /// Records a problem with field `key`.
    public mutating func report(_ key: String, _ message: String) {
        issues.append(FieldIssue(field: path(key), message: message))
    }

    /// The raw value of `key`, marking it read; reports a missing required field.
    public mutating func value(_ key: String, required: Bool) -> JSONValue? {
        read.insert(key)
        guard let value = object[key] else {
            if required { report(key, "is required") }
            return nil
        }
        return value
    }

    /// Which one of `keys` the body has (a target given as `{"user": …}` or `{"number": …}`);
    /// reports, and returns nil, when it has none or more than one.
    public mutating func oneOf(_ keys: [String]) -> String? {
        let present = keys.filter(has)
        guard present.count == 1 else {
            report(present.isEmpty ? keys[0] : present[1], "give exactly one of \(keys.joined(separator: ", "))")
            present.forEach { _ = value($0, required: false) }
            return nil
        }
        return present[0]
    }

    /// A string field; `nonEmpty` refuses blank text, `maxLength` long text.
    public mutating func string(_ key: String, required: Bool = false, nonEmpty: Bool = true, maxLength: Int = 1000) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let text) = value else {
            report(key, "must be a string")
            return nil
        }
        if nonEmpty, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(key, "must not be empty")
            return nil
        }
        if text.count > maxLength {
            report(key, "must be at most \(maxLength) characters")
            return nil
        }
        return text
    }

    /// A string field that may be `null` (to clear it): `.some(nil)` for null.
    public mutating func nullableString(_ key: String, maxLength: Int = 1000) -> String?? {
        if case .null? = object[key] {
            read.insert(key)
            return .some(nil)
        }
        return string(key, maxLength: maxLength).map { .some($0) }
    }

    /// A boolean field.
    public mutating func boolean(_ key: String, required: Bool = false) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            report(key, "must be true or false")
            return nil
        }
        return flag
    }

    /// An integer field within `range`.
    public mutating func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int64>) -> Int64? {
        guard let value = value(key, required: required) else { return nil }
        let number: Int64?
        switch value {
        case .integer(let integer): number = integer
        case .double(let double): number = Int64(exactly: double)
        default: number = nil
        }
        guard let number else {
            report(key, "must be an integer")
            return nil
        }
        guard range.contains(number) else {
            report(key, "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    /// An identifier field (a user, a queue): 1–64 of `a–z`, `0–9`, `-`, `_`, starting with a
    /// letter or digit, as the configuration's identifiers are.
    public mutating func identifier(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required, maxLength: 64) else { return nil }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first != "-", first != "_",
            scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else {
            report(key, "must be 1–64 of a–z, 0–9, - and _, starting with a letter or digit")
            return nil
        }
        return text
    }

    /// A field whose value is one of `Choice`'s raw values.
    public mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type, required: Bool = false) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            report(key, "must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return choice
    }

    /// A nested object field, read with its own reader; its issues join this body's.
    public mutating func object<Result>(_ key: String, required: Bool = false, _ body: (inout JSONBody) -> Result?) -> Result? {
        guard let value = value(key, required: required) else { return nil }
        guard case .object(let members) = value else {
            report(key, "must be an object")
            return nil
        }
        var nested = JSONBody(object: members, prefix: path(key))
        let result = body(&nested)
        nested.reportUnknownFields()
        issues += nested.issues
        return result
    }

    /// Any field, checked with `Value`'s own decoder; `expected` says what it must be
    /// ("an array of strings") when it cannot be decoded.
    public mutating func decoded<Value: Decodable>(_ key: String, as type: Value.Type, expected: String, required: Bool = false) -> Value? {
        guard let value = value(key, required: required) else { return nil }
        do {
            return try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
        } catch {
            report(key, "must be \(expected)")
            return nil
        }
    }

    /// Throws `validation-failed` with every issue, unknown fields included; returns if none.
    public mutating func finish() throws(PluginProblem) {
        reportUnknownFields()
        guard issues.isEmpty else { throw PluginProblem.validationFailed(issues) }
    }

    private mutating func reportUnknownFields() {
        for key in object.keys.sorted() where !read.contains(key) {
            issues.append(FieldIssue(field: path(key), message: "is not a known field"))
        }
        read.formUnion(object.keys)
    }

    /// Why a body is not JSON, in words a client can act on: the parser's message with its
    /// position when it gives one, never a Swift type name.
    private static func describeBody(_ error: any Error, _ body: Data) -> String {
        let plain = "The body is not valid JSON."
        switch error {
        case DecodingError.dataCorrupted(let context):
            // The parser's own words ("Invalid value around character 0."): JSONDecoder keeps
            // them to itself here, JSONSerialization tells them.
            var underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            if underlying == nil {
                do {
                    _ = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
                } catch {
                    underlying = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                }
            }
            guard let underlying, !underlying.isEmpty else { return plain }
            return "The body is not valid JSON: \(underlying)" + (underlying.hasSuffix(".") ? "" : ".")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            // JSON the parser reads but no JSON value can hold (a number out of range).
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "The body is not valid JSON: a value cannot be read." : "The body is not valid JSON: the value at \(path.drop { $0 == "." }) cannot be read."
        default:
            return plain
        }
    }
}
