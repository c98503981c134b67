/// The growable bytes a `JSONByteWriter` writes into: its own memory, so appending checks
/// neither uniqueness nor bounds the way an `Array` does on every byte.
///
/// Owned by one writer, which deallocates it; never copied (a copy would share the memory).
struct JSONByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    /// The bytes written.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    subscript(index: Int) -> UInt8 { base[index] }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        if bytes.count <= 16 {
            // Most pieces are a few bytes (punctuation, keys, ids): a loop beats calling memmove.
            for index in 0..<bytes.count { base[count + index] = source[index] }
        } else {
            (base + count).update(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    /// Appends what `write` writes into room for `maximum` bytes; it returns how many it wrote.
    mutating func append(upTo maximum: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(toHold: count + maximum) }
        count += write(UnsafeMutableBufferPointer(start: base + count, count: maximum))
    }

    /// Appends the bytes at `range` of `buffer`.
    mutating func append(_ buffer: JSONByteBuffer, range: Range<Int>) {
        append(UnsafeBufferPointer(start: buffer.base + range.lowerBound, count: range.count))
    }

    /// Appends the bytes from `start` to the end, then drops them from where they were (for
    /// moving them to another buffer).
    mutating func move(from start: Int, to other: inout JSONByteBuffer) {
        other.append(UnsafeBufferPointer(start: base + start, count: count - start))
        count = start
    }

    /// Reverses the bytes from `start` to the end.
    mutating func reverse(from start: Int) {
        var bytes = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        bytes.reverse()
    }

    mutating func removeAll() {
        count = 0
    }

    func deallocate() {
        base.deallocate()
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
