/// What the screen writes to ADUAN_PROFILE on exit: the CLOCK_MONOTONIC moment of its first
/// complete frame, then key-to-frame latencies in milliseconds by label, one JSON object a line:
///   {"first_frame_monotonic":12345.678}
///   {"label":"move","ms":[0.412e-0,...]}
struct Profile {
    var firstFrame: Double?
    var samples: [String: [Double]] = [:]

    /// Parses the two line shapes above; anything else is ignored (the format is ours and flat).
    static func parse(_ text: String) -> Profile {
        var p = Profile()
        for line in text.split(separator: "\n") {
            if let v = field(line, "\"first_frame_monotonic\":") {
                p.firstFrame = Double(v.prefix { $0 != "}" && $0 != "," }.trimmed)
            } else if let rest = field(line, "\"label\":\""), let end = rest.firstIndex(of: "\"") {
                let label = String(rest[..<end])
                guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]"), open < close else { continue }
                let values = line[line.index(after: open)..<close].split(separator: ",").compactMap { Double(String($0).trimmed) }
                p.samples[label, default: []] += values
            }
        }
        return p
    }

    private static func field(_ line: Substring, _ key: String) -> Substring? {
        guard let r = line.firstRange(of: key) else { return nil }
        return line[r.upperBound...]
    }

    func stats(_ label: String) -> Stats? { samples[label].flatMap(Stats.init) }
}

/// Percentiles of a sample (nearest rank: p99 of 1000 values is the 990th smallest).
struct Stats {
    let sorted: [Double]

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        sorted = values.sorted()
    }

    var count: Int { sorted.count }
    var max: Double { sorted.last! }
    var median: Double { percentile(50) }

    func percentile(_ p: Double) -> Double {
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
