// The Encoder and its containers for JSONByteWriter. Each is a reference to the writer and to
// the place it writes (a frame's depth and serial, or a value's slot), three words at most, so
// handing one out as an existential allocates nothing.

/// The encoder `encode(to:)` gets for one value: the value in `slot`, at `depth`.
struct ValueEncoder: Encoder {
    let writer: JSONByteWriter
    let depth: Int
    let slot: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(
            ObjectContainer(writer: writer, depth: depth, serial: writer.openContainer(keys: ObjectIdentifier(Key.self), depth: depth, slot: slot)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayContainer(writer: writer, depth: depth, serial: writer.openContainer(keys: nil, depth: depth, slot: slot))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(writer: writer, depth: depth, slot: slot)
    }
}

/// An object's container.
struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONByteWriter
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { [] }

    @inline(__always)
    private func member(_ key: Key, _ write: () throws -> Void) throws {
        try writer.beginMember(key, depth: depth, serial: serial)
        try write()
        writer.endMember()
    }

    mutating func encodeNil(forKey key: Key) throws { try member(key) { writer.writeNull() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try member(key) { writer.writeString(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try member(key) { try writer.write(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { try member(key) { try writer.write(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key) { writer.write(value) } }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try member(key) { try writer.writeValue(value) }
    }
    mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value { try member(key) { try writer.writeValue(value) } }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = writer.attempt { try writer.beginMember(key, depth: depth, serial: serial) }
            ? writer.openNested(keys: ObjectIdentifier(NestedKey.self), in: depth) : -1
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(writer: writer, depth: depth + 1, serial: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = writer.attempt { try writer.beginMember(key, depth: depth, serial: serial) }
            ? writer.openNested(keys: nil, in: depth) : -1
        return ArrayContainer(writer: writer, depth: depth + 1, serial: nested)
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key.stringValue)
    }

    private func superEncoder(named name: String) -> any Encoder {
        let key = SuperKey(stringValue: name)
        let slot = writer.attempt { try writer.beginMember(key, depth: depth, serial: serial) }
            ? writer.openSuperSlot(in: depth) : -1
        return ValueEncoder(writer: writer, depth: depth + 1, slot: slot)
    }
}

/// The key of a member a super-encoder writes.
private struct SuperKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An array's container.
struct ArrayContainer: UnkeyedEncodingContainer {
    let writer: JSONByteWriter
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { writer.count(depth: depth, serial: serial) }

    @inline(__always)
    private func element(_ write: () throws -> Void) throws {
        try writer.beginElement(depth: depth, serial: serial)
        try write()
    }

    mutating func encodeNil() throws { try element { writer.writeNull() } }
    mutating func encode(_ value: Bool) throws { try element { writer.write(value) } }
    mutating func encode(_ value: String) throws { try element { writer.writeString(value) } }
    mutating func encode(_ value: Double) throws { try element { try writer.write(value) } }
    mutating func encode(_ value: Float) throws { try element { try writer.write(value) } }
    mutating func encode(_ value: Int) throws { try element { writer.write(value) } }
    mutating func encode(_ value: Int8) throws { try element { writer.write(value) } }
    mutating func encode(_ value: Int16) throws { try element { writer.write(value) } }
    mutating func encode(_ value: Int32) throws { try element { writer.write(value) } }
    mutating func encode(_ value: Int64) throws { try element { writer.write(value) } }
    mutating func encode(_ value: UInt) throws { try element { writer.write(value) } }
    mutating func encode(_ value: UInt8) throws { try element { writer.write(value) } }
    mutating func encode(_ value: UInt16) throws { try element { writer.write(value) } }
    mutating func encode(_ value: UInt32) throws { try element { writer.write(value) } }
    mutating func encode(_ value: UInt64) throws { try element { writer.write(value) } }
    mutating func encode<Value: Encodable>(_ value: Value) throws { try element { try writer.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = writer.attempt { try writer.beginElement(depth: depth, serial: serial) }
            ? writer.openNested(keys: ObjectIdentifier(NestedKey.self), in: depth) : -1
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(writer: writer, depth: depth + 1, serial: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = writer.attempt { try writer.beginElement(depth: depth, serial: serial) }
            ? writer.openNested(keys: nil, in: depth) : -1
        return ArrayContainer(writer: writer, depth: depth + 1, serial: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let slot = writer.attempt { try writer.beginElement(depth: depth, serial: serial) }
            ? writer.openSuperSlot(in: depth) : -1
        return ValueEncoder(writer: writer, depth: depth + 1, slot: slot)
    }
}

/// A single value's container.
struct SingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONByteWriter
    let depth: Int
    let slot: Int

    var codingPath: [any CodingKey] { [] }

    @inline(__always)
    private func single(_ write: () throws -> Void) throws {
        try writer.beginSingleValue(depth: depth, slot: slot)
        try write()
    }

    mutating func encodeNil() throws { try single { writer.writeNull() } }
    mutating func encode(_ value: Bool) throws { try single { writer.write(value) } }
    mutating func encode(_ value: String) throws { try single { writer.writeString(value) } }
    mutating func encode(_ value: Double) throws { try single { try writer.write(value) } }
    mutating func encode(_ value: Float) throws { try single { try writer.write(value) } }
    mutating func encode(_ value: Int) throws { try single { writer.write(value) } }
    mutating func encode(_ value: Int8) throws { try single { writer.write(value) } }
    mutating func encode(_ value: Int16) throws { try single { writer.write(value) } }
    mutating func encode(_ value: Int32) throws { try single { writer.write(value) } }
    mutating func encode(_ value: Int64) throws { try single { writer.write(value) } }
    mutating func encode(_ value: UInt) throws { try single { writer.write(value) } }
    mutating func encode(_ value: UInt8) throws { try single { writer.write(value) } }
    mutating func encode(_ value: UInt16) throws { try single { writer.write(value) } }
    mutating func encode(_ value: UInt32) throws { try single { writer.write(value) } }
    mutating func encode(_ value: UInt64) throws { try single { writer.write(value) } }
    mutating func encode<Value: Encodable>(_ value: Value) throws { try single { try writer.writeValue(value) } }
}
