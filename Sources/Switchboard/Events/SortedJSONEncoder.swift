/// Encodes a value as compact JSON straight into bytes, without building a tree of values
/// first: the bytes Foundation's `JSONEncoder` writes with `[.sortedKeys,
/// .withoutEscapingSlashes]` and default strategies — object members in the order of their
/// keys' UTF-8 bytes, strings escaped as it escapes them (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
/// `\t`, other control characters as `\u00xx`, everything else as UTF-8), numbers as it
/// writes them. Events are encoded with it once, into the text the event log stores and the
/// live stream sends.
///
/// Requirements on the values encoded (the switchboard's types keep them): a container is
/// used only until a later sibling of it is opened (as synthesized `Codable` does; a value
/// that goes back to an earlier one gets an `EncodingError`); no Foundation `Data`, `URL`
/// or `Decimal`, whose JSON form `JSONEncoder` chooses itself (an `EncodingError` too);
/// floating-point numbers finite. `codingPath` is not tracked (always empty): the
/// switchboard's `encode(to:)` implementations do not read it.
public struct SortedJSONEncoder: Sendable {
    /// An encoder; it keeps no state between calls.
    public init() {}

    /// `value` as JSON bytes.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        try JSONByteWriter.withWriter { writer in
            try writer.writeTopLevel(value)
            return Array(writer.bytes.written)
        }
    }
}
