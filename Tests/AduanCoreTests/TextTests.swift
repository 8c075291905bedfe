import AduanCore
// Shared helpers for the Text*Tests files: a seeded PRNG and pools of hostile and ordinary text.

/// Deterministic random text for the text-utility property tests (SplitMix64), so a failure
/// reproduces from its seed.
struct TextTestRandom {
    private var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

    /// A uniform integer in `0..<bound` (bound > 0); the modulo bias is irrelevant for fuzzing.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A string of 0..<maxPieces pieces drawn from `pool`.
    mutating func text(from pool: [String], maxPieces: Int) -> String {
        var s = ""
        for _ in 0..<below(maxPieces) { s += pick(pool) }
        return s
    }
}

/// Pieces of hostile and ordinary text that the text tests combine at random.
enum TextTestPool {
    static let hostile: [String] = [
        "\u{1B}", "\u{1B}[2J", "\u{1B}[31m", "\u{9B}", "\u{9B}1;1H", "\u{1B}]52;c;ZXZpbA==\u{07}",
        "\u{1B}]0;title\u{07}", "\u{1B}P1;2|abc\u{1B}\\", "\u{1B}\\", "\u{07}", "\u{08}", "\u{0}",
        "\t", "\r", "\n", "\r\n", "\u{7F}", "\u{85}", "\u{9D}", "\u{90}", "\u{9C}",
        "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{034F}",
        "\u{115F}", "\u{1160}", "\u{3164}", "\u{FFA0}", "\u{180E}", "\u{E0041}", "\u{E007F}",
        "\u{2028}", "\u{2029}", "\u{FFF9}", "\u{FE0F}", "\u{FE0E}",
    ]

    static let ordinary: [String] = [
        "Jalan", " ", " ", "rusak", "parah", "di", "Desa", "Sukamaju,", "Kec.", "Cibinong.",
        "Pemerintah", "Kabupaten", "Bogor", "lampu", "jalan", "mati", "sejak", "2", "minggu",
        "José", "Müller", "Nguyễn", "Ñoño", "Çağrı", "Søren", "e\u{301}", "a\u{308}", "\u{301}",
        "日本語", "北京", "한국어", "\u{1100}\u{1161}\u{11A8}", "カタカナ", "ｆｕｌｌ",
        "😀", "👩\u{200D}💻", "👨\u{200D}👩\u{200D}👧", "🇮🇩", "🇮", "👍🏽", "☺️", "⌚", "🏳️\u{200D}🌈",
        "🌡", "1️⃣", "✅", "…", "—", "\"", "*", "(", ")", "-", "^", ":", "NEAR", "AND", "OR", "NOT",
    ]

    static let all = hostile + ordinary
}
