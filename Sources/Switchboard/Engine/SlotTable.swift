/// The engine's users, queues and calls in progress, by id: a dictionary whose values stay
/// in place.
///
/// Each value keeps one slot of an array while it is in the table, so the engine's many
/// small updates happen in place instead of moving the whole value out of a dictionary's
/// storage and back. The slots of removed values are reused. (The getter is a plain `get`,
/// not a `_read` coroutine: inlined, it lets the optimizer load just the field read, where a
/// yielded value was copied whole.) Equality, hashing and coding see only the values by key, never the
/// slots.
struct SlotTable<Key: Hashable & Comparable & Codable & Sendable, Value: Hashable & Codable & Sendable>: Sendable {
    private var slots: [Key: Int] = [:]
    private var storage: [Value?] = []
    private var freeSlots: [Int] = []

    /// An empty table.
    init() {}

    /// How many values are in the table.
    var count: Int { slots.count }

    /// The keys of the values in the table, in no particular order.
    var keys: Dictionary<Key, Int>.Keys { slots.keys }

    /// The value for `id`, or nil if there is none; setting nil removes it.
    subscript(id: Key) -> Value? {
        get {
            guard let slot = slots[id] else { return nil }
            return storage[slot]
        }
        _modify {
            if let slot = slots[id] {
                yield &storage[slot]
                if case .none = storage[slot] {
                    slots[id] = nil
                    freeSlots.append(slot)
                }
            } else {
                var added: Value?
                yield &added
                if let added { insert(added, as: id) }
            }
        }
    }

    private mutating func insert(_ value: Value, as id: Key) {
        if let slot = freeSlots.popLast() {
            storage[slot] = value
            slots[id] = slot
        } else {
            slots[id] = storage.count
            storage.append(value)
        }
    }

    /// The values as a dictionary by key.
    private var byID: [Key: Value] {
        slots.mapValues { storage[$0]! }
    }
}

extension SlotTable: Hashable {
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.slots.keys.allSatisfy { lhs[$0] == rhs[$0] }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(byID)
    }
}

extension SlotTable: Codable {
    /// Decodes the values as a dictionary by key (the form `encode(to:)` writes).
    init(from decoder: any Decoder) throws {
        let values = try [Key: Value](from: decoder)
        for id in values.keys.sorted() { insert(values[id]!, as: id) }
    }

    /// Encodes the values as a dictionary by key.
    func encode(to encoder: any Encoder) throws {
        try byID.encode(to: encoder)
    }
}
