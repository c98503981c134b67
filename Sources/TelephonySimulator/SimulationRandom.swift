import Switchboard

/// A seeded pseudo-random generator (SplitMix64): the same seed gives the same numbers on
/// every machine, so a simulation is reproducible.
public struct SimulationRandom: RandomNumberGenerator, Sendable, Hashable, Codable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `probability` (0…1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// A whole number of milliseconds uniformly in `range`.
    public mutating func milliseconds(in range: ClosedRange<Duration>) -> Duration {
        let low = range.lowerBound.wholeMilliseconds
        let high = range.upperBound.wholeMilliseconds
        return .milliseconds(low + Int64(next() % UInt64(high - low + 1)))
    }

    /// An index in `0..<count`.
    public mutating func index(below count: Int) -> Int { Int(next() % UInt64(count)) }
}

