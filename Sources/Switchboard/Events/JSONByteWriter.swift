import Foundation
import Synchronization

/// One `SortedJSONEncoder` run: the bytes so far, and the objects and arrays still open.
/// Members are written as `encode(to:)` gives them, in declaration order; when an object
/// closes, its members are put in key order in place. A container closes when an operation
/// reaches a container outside it, or when the value that opened it has been encoded.
///
/// A writer is kept for reuse (``withWriter(_:)``), buffers and all: an encoding allocates
/// little beyond its result. A writer belongs to one encoding at a time, which alone touches
/// its state, hence `@unchecked Sendable` and the run-time exclusivity checks of its
/// properties turned off (they cost a tenth of the encoding).
final class JSONByteWriter: @unchecked Sendable {
    @exclusivity(unchecked) var bytes = JSONByteBuffer(capacity: 1024)
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// The members of every open object, innermost object's last.
    @exclusivity(unchecked) private var members: [Member] = []
    @exclusivity(unchecked) private var scratch = JSONByteBuffer(capacity: 256)
    /// The members of the object being closed, in key order (indices into `members`).
    @exclusivity(unchecked) private var order: [Int] = []
    /// For each type of keys, the order of the last object written with it: the next object of
    /// the same type mostly has the same keys in the same order, so it needs no sorting.
    /// (Direct-mapped by the type's address: a look-up is a shift and a compare, not a hash.)
    @exclusivity(unchecked) private var keyOrders = [KeyOrder?](repeating: nil, count: 64)
    @exclusivity(unchecked) private var nextSerial = 0
    /// The slot whose value has not started yet: a container or a single value may go there.
    @exclusivity(unchecked) private var pendingSlot: Int?
    /// Why the encoding failed, when a method that cannot throw found the failure.
    @exclusivity(unchecked) private var failure: String?
    /// The last time written and its text: the events of one command share their time.
    @exclusivity(unchecked) var lastTime = (milliseconds: Int64.min, text: [UInt8](repeating: 0, count: 24))

    /// A writer kept for the next encoding (its address, retained; 0 when none): one slot,
    /// taken and given back with an atomic exchange, which is what one tenant's engine needs;
    /// an encoding that finds it taken makes a writer of its own.
    private static let spare = Atomic<UInt>(0)

    private init() {}

    deinit {
        bytes.deallocate()
        scratch.deallocate()
    }

    /// Runs `body` with a writer of its own, empty, and keeps the writer for the next call;
    /// `body` copies out what it needs of ``bytes``.
    static func withWriter<Result>(_ body: (JSONByteWriter) throws -> Result) throws -> Result {
        let kept = spare.exchange(0, ordering: .acquiring)
        let writer = kept == 0
            ? JSONByteWriter() : Unmanaged<JSONByteWriter>.fromOpaque(UnsafeRawPointer(bitPattern: kept)!).takeRetainedValue()
        defer {
            writer.reset()
            let address = UInt(bitPattern: Unmanaged.passRetained(writer).toOpaque())
            let previous = spare.exchange(address, ordering: .releasing)
            if previous != 0 { Unmanaged<JSONByteWriter>.fromOpaque(UnsafeRawPointer(bitPattern: previous)!).release() }
        }
        return try body(writer)
    }

    private func reset() {
        bytes.removeAll()
        frames.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        scratch.removeAll()
        order.removeAll(keepingCapacity: true)
        pendingSlot = nil
        failure = nil
    }

    /// An open object or array.
    private struct Frame {
        /// Tells it from every other frame of the run.
        let serial: Int
        /// The slot of the value that opened it.
        let owner: Int
        /// The type of an object's keys; nil for an array.
        let keys: ObjectIdentifier?
        /// Where its `{` or `[` is.
        let start: Int
        /// Its first member in `members`.
        let firstMember: Int
        /// Members or elements begun so far.
        var count = 0
        /// The slot of its last member or element while a nested container or encoder writes it.
        var openSlot: Int?
    }

    /// An object's member: `"key":value` at `start..<end` of `bytes`.
    private struct Member {
        let key: String
        /// All of `key` is ASCII, where String's own order is the UTF-8 bytes' order.
        let keyIsASCII: Bool
        let start: Int
        var end: Int
    }

    /// Encodes `value` as the whole output.
    func writeTopLevel<Value: Encodable>(_ value: Value) throws {
        try writeValue(value, topLevel: true)
    }

    /// Encodes `value` where the output stands: a member's value, an element, or a single value's.
    func writeValue<Value: Encodable>(_ value: Value, topLevel: Bool = false) throws {
        if writeEngineScalar(value) { return }
        // JSONEncoder writes these in forms of its own choosing, not as their encode(to:) does.
        if Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "SortedJSONEncoder does not write \(Value.self)"))
        }
        let depth = frames.count
        let slot = beginSlot()
        try value.encode(to: ValueEncoder(writer: self, depth: depth, slot: slot))
        try throwFailure()
        while frames.count > depth { closeFrame() }
        if pendingSlot == slot {
            pendingSlot = nil
            if topLevel {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
            }
            // As JSONEncoder: a value that encodes nothing is an empty object.
            append("{}")
        }
    }

    // MARK: Containers

    /// Opens an object with keys of type `keys` (or an array, for nil) for the value in `slot`
    /// at `depth`, or returns the one it opened already; the frame's serial, or -1 after a
    /// failure.
    func openContainer(keys: ObjectIdentifier?, depth: Int, slot: Int) -> Int {
        if failure != nil { return -1 }
        if depth < frames.count, frames[depth].owner == slot {
            guard (frames[depth].keys == nil) == (keys == nil) else {
                fail("a value asked for a keyed and an unkeyed container")
                return -1
            }
            return frames[depth].serial
        }
        guard frames.count == depth, pendingSlot == slot else {
            fail("a value was encoded twice, or after its container moved on")
            return -1
        }
        return pushFrame(keys: keys, owner: slot)
    }

    /// Begins the single value of the value in `slot` at `depth`.
    func beginSingleValue(depth: Int, slot: Int) throws {
        try throwFailure()
        guard frames.count == depth, pendingSlot == slot else {
            fail("a single value was encoded twice, or after its container moved on")
            return try throwFailure()
        }
        pendingSlot = nil
    }

    /// Makes the frame `serial` at `depth` the innermost one, closing the frames inside it, and
    /// begins its next member; throws when the frame has closed (a container used after a
    /// later sibling of it was opened).
    func beginMember(_ key: some CodingKey, depth: Int, serial: Int) throws {
        try enter(depth: depth, serial: serial)
        if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
        let name = key.stringValue
        let start = bytes.count
        let isASCII = writeString(name)
        members.append(Member(key: name, keyIsASCII: isASCII, start: start, end: -1))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Ends the member begun last.
    func endMember() {
        members[members.count - 1].end = bytes.count
    }

    /// As ``beginMember(_:depth:serial:)``, for an array's next element.
    func beginElement(depth: Int, serial: Int) throws {
        try enter(depth: depth, serial: serial)
        if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
    }

    /// The number of elements begun in the array `serial` at `depth`.
    func count(depth: Int, serial: Int) -> Int {
        depth < frames.count && frames[depth].serial == serial ? frames[depth].count : 0
    }

    /// Opens the container for the member or element just begun in the frame at `depth`; its
    /// serial.
    func openNested(keys: ObjectIdentifier?, in depth: Int) -> Int {
        let slot = beginSlot()
        frames[depth].openSlot = slot
        return pushFrame(keys: keys, owner: slot)
    }

    /// Leaves the member or element just begun in the frame at `depth` to an encoder; its slot.
    func openSuperSlot(in depth: Int) -> Int {
        let slot = beginSlot()
        frames[depth].openSlot = slot
        return slot
    }

    /// Runs `begin` for a container method that cannot throw, keeping its error for the end.
    func attempt(_ begin: () throws -> Void) -> Bool {
        do {
            try begin()
            return true
        } catch {
            return false
        }
    }

    private func enter(depth: Int, serial: Int) throws {
        try throwFailure()
        guard depth < frames.count, frames[depth].serial == serial else {
            fail("a container was used after a later sibling of it was opened")
            return try throwFailure()
        }
        while frames.count > depth + 1 { closeFrame() }
        finishSlot(depth)
    }

    private func beginSlot() -> Int {
        nextSerial += 1
        pendingSlot = nextSerial
        return nextSerial
    }

    private func pushFrame(keys: ObjectIdentifier?, owner: Int) -> Int {
        pendingSlot = nil
        nextSerial += 1
        frames.append(Frame(serial: nextSerial, owner: owner, keys: keys, start: bytes.count, firstMember: members.count))
        bytes.append(keys != nil ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return nextSerial
    }

    /// Ends the open member or element of the innermost frame, `depth`.
    private func finishSlot(_ depth: Int) {
        guard let slot = frames[depth].openSlot else { return }
        if pendingSlot == slot {
            pendingSlot = nil
            append("{}")
        }
        if frames[depth].keys != nil { endMember() }
        frames[depth].openSlot = nil
    }

    private func closeFrame() {
        finishSlot(frames.count - 1)
        let frame = frames.removeLast()
        if frame.keys != nil {
            sortMembers(of: frame)
            bytes.append(UInt8(ascii: "}"))
        } else {
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// Puts the object's members in the order of their keys' UTF-8 bytes, where they stand;
    /// of a key written twice, the later value stays (as in JSONEncoder).
    private func sortMembers(of frame: Frame) {
        let first = frame.firstMember
        let end = members.count
        defer { members.removeLast(end - first) }
        guard end - first > 1, let keys = frame.keys else { return }
        let known: KeyOrder
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: keys) >> 4) & (keyOrders.count - 1)
        if let last = keyOrders[slot], last.type == keys, last.matches(members, first..<end) {
            known = last
        } else {
            // An insertion sort: objects have a few members, and equal keys keep their order.
            order.removeAll(keepingCapacity: true)
            for index in first..<end {
                var position = order.count
                while position > 0, precedes(members[index], members[order[position - 1]]) { position -= 1 }
                order.insert(index, at: position)
            }
            var written: [Int] = []
            for (position, index) in order.enumerated() {
                if position + 1 < order.count, !precedes(members[index], members[order[position + 1]]) { continue }
                written.append(index - first)
            }
            known = KeyOrder(type: keys, keys: members[first..<end].map(\.key), written: written)
            keyOrders[slot] = known
        }
        if known.isIdentity { return }
        let contentStart = frame.start + 1
        scratch.removeAll()
        bytes.move(from: contentStart, to: &scratch)
        for (position, index) in known.written.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            let member = members[first + index]
            bytes.append(scratch, range: (member.start - contentStart)..<(member.end - contentStart))
        }
    }

    /// The keys of an object in the order written, and which members go out in which order.
    /// A class, so that looking one up copies a reference, not two arrays.
    private final class KeyOrder {
        /// The type of the keys.
        let type: ObjectIdentifier
        let keys: [String]
        /// Positions in `keys` in key order; of a key written twice, only the later one.
        let written: [Int]
        /// Written in key order already, each key once.
        let isIdentity: Bool

        init(type: ObjectIdentifier, keys: [String], written: [Int]) {
            self.type = type
            self.keys = keys
            self.written = written
            isIdentity = keys.indices.elementsEqual(written)
        }

        /// The keys of `members[range]` are these, byte for byte, in the same order.
        func matches(_ members: [Member], _ range: Range<Int>) -> Bool {
            guard range.count == keys.count else { return false }
            for (index, key) in zip(range, keys) where !members[index].keyIsASCII || members[index].key != key {
                return false
            }
            return true
        }
    }

    private func precedes(_ a: Member, _ b: Member) -> Bool {
        a.keyIsASCII && b.keyIsASCII ? a.key < b.key : Self.compareUTF8(a.key, b.key) < 0
    }

    /// Orders by UTF-8 bytes: negative, zero or positive as `a` comes before, with or after `b`.
    private static func compareUTF8(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                for index in 0..<min(a.count, b.count) where a[index] != b[index] {
                    return Int(a[index]) - Int(b[index])
                }
                return a.count - b.count
            }
        }
    }

    private func fail(_ description: String) {
        if failure == nil { failure = description }
    }

    private func throwFailure() throws {
        guard let failure else { return }
        throw EncodingError.invalidValue((), EncodingError.Context(codingPath: [], debugDescription: failure))
    }

    // MARK: Scalars

    func writeNull() {
        append("null")
    }

    func write(_ value: Bool) {
        append(value ? "true" : "false")
    }

    func write<Integer: FixedWidthInteger>(_ value: Integer) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            let (quotient, digit) = magnitude.quotientAndRemainder(dividingBy: 10)
            bytes.append(UInt8(ascii: "0") + UInt8(digit))
            magnitude = quotient
        } while magnitude > 0
        bytes.reverse(from: start)
    }

    /// As JSONEncoder: the shortest text that reads back exactly, without a trailing `.0`.
    func write<Float: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Float) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.append($0) }
    }

    /// Writes `string` as a JSON string; returns whether it is all ASCII.
    @discardableResult
    func writeString(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            // One pass that checks and copies: almost no string needs an escape, and most are
            // a few bytes (keys, ids, numbers), too short for anything wider to pay.
            var highBits: UInt8 = 0
            var escapeAt = utf8.count
            bytes.append(upTo: utf8.count + 2) { out in
                out[0] = UInt8(ascii: "\"")
                for index in 0..<utf8.count {
                    let byte = utf8[index]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                        escapeAt = index
                        return index + 1
                    }
                    highBits |= byte
                    out[index + 1] = byte
                }
                out[utf8.count + 1] = UInt8(ascii: "\"")
                return utf8.count + 2
            }
            if escapeAt < utf8.count {
                var mark = escapeAt
                for index in escapeAt..<utf8.count {
                    let byte = utf8[index]
                    highBits |= byte
                    guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                    bytes.append(UnsafeBufferPointer(rebasing: utf8[mark..<index]))
                    appendEscape(byte)
                    mark = index + 1
                }
                bytes.append(UnsafeBufferPointer(rebasing: utf8[mark...]))
                bytes.append(UInt8(ascii: "\""))
            }
            return highBits < 0x80
        }
    }

    private func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        default:
            append("\\u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Writes `text` as it is.
    @inline(__always)
    func append(_ text: StaticString) {
        bytes.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
