/// The calls in progress, by id.
///
/// Each call keeps one slot of an array while it lasts, so the engine's many small updates
/// of a call happen in place instead of moving the whole call out of a dictionary's storage
/// and back; the slots of ended calls are reused. Equality, hashing and coding see only the
/// calls by id, never the slots.
struct CallTable: Sendable {
    private var slots: [CallID: Int] = [:]
    private var storage: [ActiveCall?] = []
    private var freeSlots: [Int] = []

    /// No calls.
    init() {}

    /// How many calls are in progress.
    var count: Int { slots.count }

    /// The ids of the calls in progress, in no particular order.
    var keys: Dictionary<CallID, Int>.Keys { slots.keys }

    /// The call `id`, or nil if it is not in progress; setting nil ends its stay here.
    subscript(id: CallID) -> ActiveCall? {
        _read {
            if let slot = slots[id] { yield storage[slot] } else { yield nil }
        }
        _modify {
            if let slot = slots[id] {
                yield &storage[slot]
                if case .none = storage[slot] {
                    slots[id] = nil
                    freeSlots.append(slot)
                }
            } else {
                var added: ActiveCall?
                yield &added
                if let added { insert(added, as: id) }
            }
        }
    }

    private mutating func insert(_ call: ActiveCall, as id: CallID) {
        if let slot = freeSlots.popLast() {
            storage[slot] = call
            slots[id] = slot
        } else {
            slots[id] = storage.count
            storage.append(call)
        }
    }

    /// The calls as a dictionary by id.
    private var byID: [CallID: ActiveCall] {
        slots.mapValues { storage[$0]! }
    }
}

extension CallTable: Hashable {
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.slots.keys.allSatisfy { lhs[$0] == rhs[$0] }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(byID)
    }
}

extension CallTable: Codable {
    /// Decodes the calls as a dictionary by id (the form `encode(to:)` writes).
    init(from decoder: any Decoder) throws {
        let calls = try [CallID: ActiveCall](from: decoder)
        for id in calls.keys.sorted() { insert(calls[id]!, as: id) }
    }

    /// Encodes the calls as a dictionary by id.
    func encode(to encoder: any Encoder) throws {
        try byID.encode(to: encoder)
    }
}
