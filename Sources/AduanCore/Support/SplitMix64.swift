/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator that gives the same sequence
/// on every platform. The demo data, the stress runs and the property tests all draw from it, so
/// a seed reproduces a store, a run or a failing case. Pure: no clock, no global state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
