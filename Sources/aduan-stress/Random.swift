import AduanCore

/// A small seeded generator (SplitMix64), so a run can be repeated with `--seed`: the same seed
/// gives the same sequence of decisions (kill timing still depends on the machine).
struct StressRandom: RandomNumberGenerator {
    private var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// An index into `weights`, chosen in proportion to them (nil when all are zero).
    mutating func weighted(_ weights: [Int]) -> Int? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var r = Int.random(in: 0..<total, using: &self)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return nil
    }
}
