import Testing
@testable import AduanCore

struct TextDisplayWidthTests {
    @Test func latinAndIndonesianTextIsOneColumnPerLetter() {
        #expect(DisplayWidth.of("Jalan rusak") == 11)
        #expect(DisplayWidth.of("José Müller") == 11)
        #expect(DisplayWidth.of("Jose\u{301}") == 4)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("a\u{308}\u{323}")) == 1)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func cjkAndHangulAreTwoColumns() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("カタカナ") == 8)
        // Conjoining jamo form one cluster in one wide cell.
        #expect(DisplayWidth.of(Character("\u{1100}\u{1161}\u{11A8}")) == 2)
        #expect(DisplayWidth.of(Character("\u{20000}")) == 2)
    }

    @Test func listedWideRangesCountTwo() {
        let wide: [UInt32] = [
            0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F3, 0x25FD,
            0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD,
            0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26FA, 0x26FD,
            0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753, 0x2755, 0x2757, 0x2795, 0x2797,
            0x27B0, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55, 0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400,
            0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF, 0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xF900, 0xFAFF,
            0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191, 0x1F19A, 0x1F200, 0x1F251, 0x1F300, 0x1F600, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F7E0,
            0x1F7EB, 0x1F90C, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
        ]
        for v in wide {
            let u = Unicode.Scalar(v)!
            #expect(DisplayWidth.of(Character(u)) == 2, "U+\(String(v, radix: 16, uppercase: true))")
        }
    }

    @Test func textDefaultEmojiAndNeighboursAreOneColumn() {
        // Like wcwidth: text-presentation emoji and plain symbols are narrow.
        #expect(DisplayWidth.of("🌡") == 1)
        #expect(DisplayWidth.of("☺") == 1)
        #expect(DisplayWidth.of("✓") == 1)
        #expect(DisplayWidth.of("€") == 1)
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("🇮") == 1)
    }

    @Test func zeroWidthScalars() {
        for v: UInt32 in [0x301, 0x20DD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2064, 0xFEFF, 0xFE00, 0xFE0F, 0xE0041] {
            let u = Unicode.Scalar(v)!
            #expect(DisplayWidth.of(Character(u)) == 0, "U+\(String(v, radix: 16, uppercase: true))")
        }
        #expect(DisplayWidth.of("\u{1B}[2J") == 3)
        #expect(DisplayWidth.of("\r\n\t\u{7F}\u{9B}") == 0)
    }

    @Test func emojiSequencesCountTwo() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👩\u{200D}💻") == 2)
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧\u{200D}👦") == 2)
        #expect(DisplayWidth.of("🏳️\u{200D}🌈") == 2)
        #expect(DisplayWidth.of("🇮🇩") == 2)
        #expect(DisplayWidth.of("🇮🇩🇯🇵") == 4)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("⌚️") == 2)
        // Documented choice: U+FE0F after a text-default symbol does not widen it.
        #expect(DisplayWidth.of("☺️") == 1)
        #expect(DisplayWidth.of("1️⃣") == 1)
    }

    @Test func renderableStandsInForUnstableClusters() {
        #expect(DisplayWidth.renderable(Character("👩\u{200D}💻")) == "👩")
        #expect(DisplayWidth.renderable(Character("🏳️\u{200D}🌈")) == "\u{FFFD} ")
        #expect(DisplayWidth.renderable(Character("🇮🇩")) == "\u{FFFD} ")
        #expect(DisplayWidth.renderable(Character("👍🏽")) == "👍")
        #expect(DisplayWidth.renderable(Character("🇮")) == "\u{FFFD}")
        #expect(DisplayWidth.renderable(Character("☺️")) == "☺")
        #expect(DisplayWidth.renderable(Character("⌚️")) == "⌚️")
        #expect(DisplayWidth.renderable(Character("e\u{301}")) == "e\u{301}")
        #expect(DisplayWidth.renderable(Character("日")) == "日")
        #expect(DisplayWidth.renderable(Character("\u{1B}")) == "")
        #expect(DisplayWidth.renderable(Character("\r\n")) == "")
        #expect(DisplayWidth.renderable("a👩\u{200D}💻b🇮🇩") == "a👩b\u{FFFD} ")
        #expect(DisplayWidth.renderable("Jalan rusak") == "Jalan rusak")
    }

    @Test func renderableDoesNotLetNeighboursOfDroppedControlsFuse() {
        for s in ["😀\u{1B}\u{200D}👨", "\u{1100}\u{1B}\u{1100}", "👍\u{1B}🏽", "가\u{1B}\u{11A8}", "x\u{7}\u{301}"] {
            let drawn = DisplayWidth.renderable(s)
            #expect(DisplayWidth.of(drawn) == DisplayWidth.of(s), "\(s.unicodeScalars.map(\.value))")
            #expect(!drawn.unicodeScalars.contains { $0.value < 0x20 })
        }
        #expect(DisplayWidth.renderable("\u{1100}\u{1B}\u{1100}") == "\u{1100}\u{FFFD} ")
    }

    @Test func renderableKeepsTheCountedWidth() {
        var random = TextTestRandom(seed: 0xD15C0)
        for _ in 0..<3000 {
            let s = random.text(from: TextTestPool.all, maxPieces: 12)
            for c in s {
                let drawn = DisplayWidth.renderable(c)
                #expect(DisplayWidth.of(drawn) == DisplayWidth.of(c), "\(c.unicodeScalars.map(\.value))")
                #expect(!drawn.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) })
            }
            #expect(DisplayWidth.of(DisplayWidth.renderable(s)) == DisplayWidth.of(s), "\(s.unicodeScalars.map(\.value)) \(s.map { DisplayWidth.of($0) }) \(DisplayWidth.renderable(s).map { DisplayWidth.of($0) })")
        }
    }

    @Test func stringWidthIsTheSumOfClusterWidths() {
        var random = TextTestRandom(seed: 42)
        for _ in 0..<3000 {
            let s = random.text(from: TextTestPool.all, maxPieces: 12)
            #expect(DisplayWidth.of(s) == s.reduce(0) { $0 + DisplayWidth.of($1) })
            #expect(DisplayWidth.of(s[...]) == DisplayWidth.of(s))
        }
    }

    @Test func scalarFastPathAgreesWithClusterPath() {
        // The scalar-by-scalar shortcut must give the same width as grapheme segmentation.
        for v in UInt32(0)..<0x1_0000 {
            guard let u = Unicode.Scalar(v) else { continue }
            if let fast = DisplayWidth.simpleWidth(v) {
                #expect(fast == DisplayWidth.scalarWidth(u), "U+\(String(v, radix: 16, uppercase: true))")
                #expect(String(u).count == 1)
                #expect(("a" + String(u) + "b").count == 3, "U+\(String(v, radix: 16, uppercase: true)) joins a neighbour")
            }
        }
    }

    @Test func truncateCutsWithEllipsis() {
        #expect(DisplayWidth.truncate("Jalan rusak parah", to: 10) == "Jalan rus…")
        #expect(DisplayWidth.truncate("Jalan", to: 5) == "Jalan")
        #expect(DisplayWidth.truncate("Jalan", to: 10) == "Jalan")
        #expect(DisplayWidth.truncate("Jalan", to: 1) == "…")
        #expect(DisplayWidth.truncate("J", to: 1) == "J")
        #expect(DisplayWidth.truncate("Jalan", to: 0) == "")
        #expect(DisplayWidth.truncate("Jalan", to: -3) == "")
        #expect(DisplayWidth.truncate("", to: 3) == "")
        // A wide character that does not fit before the ellipsis is dropped.
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.truncate("日本語", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("ab👩\u{200D}💻cd", to: 4) == "ab…")
        #expect(DisplayWidth.truncate("Jose\u{301} Rizal", to: 5) == "Jose\u{301}…")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
        #expect(DisplayWidth.truncate("abcdef", to: 2, ellipsis: "...") == "..")
    }

    @Test func truncateNeverSplitsClustersOrOverflows() {
        var random = TextTestRandom(seed: 7)
        for _ in 0..<2000 {
            let s = random.text(from: TextTestPool.ordinary, maxPieces: 10)
            let width = random.below(14) - 1
            let t = DisplayWidth.truncate(s, to: width)
            #expect(DisplayWidth.of(t) <= max(0, width))
            if DisplayWidth.of(s) <= width {
                #expect(t == s)
            } else if width > 0 {
                #expect(t.hasSuffix("…"))
                let kept = Array(t.dropLast())
                #expect(Array(s.prefix(kept.count)) == kept)
                #expect(DisplayWidth.of(t) >= width - 1)
            }
        }
    }

    @Test func paddedAndRightAlignedHaveExactWidth() {
        #expect(DisplayWidth.padded("Bogor", to: 8) == "Bogor   ")
        #expect(DisplayWidth.rightAligned("1.204", to: 8) == "   1.204")
        #expect(DisplayWidth.padded("日本語", to: 4) == "日… ")
        #expect(DisplayWidth.rightAligned("日本語", to: 4) == " 日…")
        #expect(DisplayWidth.padded("abc", to: 0) == "")
        var random = TextTestRandom(seed: 99)
        for _ in 0..<2000 {
            let s = random.text(from: TextTestPool.ordinary, maxPieces: 10)
            let width = random.below(16)
            #expect(DisplayWidth.of(DisplayWidth.padded(s, to: width)) == width)
            #expect(DisplayWidth.of(DisplayWidth.rightAligned(s, to: width)) == width)
        }
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(DisplayWidth.wrap("Jalan rusak parah di desa", width: 11) == ["Jalan rusak", "parah di", "desa"])
        #expect(DisplayWidth.wrap("satu  dua   tiga", width: 8) == ["satu", "dua", "tiga"])
        #expect(DisplayWidth.wrap("satu dua", width: 20) == ["satu dua"])
        #expect(DisplayWidth.wrap("kata   ", width: 20) == ["kata"])
        #expect(DisplayWidth.wrap("", width: 5) == [""])
    }

    @Test func wrapKeepsHardBreaksAndBlankLines() {
        #expect(DisplayWidth.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(DisplayWidth.wrap("a\n", width: 5) == ["a", ""])
        #expect(DisplayWidth.wrap("a\r\nb", width: 5) == ["a", "b"])
        #expect(DisplayWidth.wrap("  indent", width: 10) == ["  indent"])
        #expect(DisplayWidth.wrap("   ", width: 10) == [""])
    }

    @Test func wrapHardBreaksLongWords() {
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("ab cdefghij", width: 4) == ["ab c", "defg", "hij"])
        #expect(DisplayWidth.wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
        #expect(DisplayWidth.wrap("abc", width: 0) == ["a", "b", "c"])
    }

    @Test func wrapAtWidthOneReplacesWideCharacters() {
        // Documented choice: a two-column cluster cannot fit one column, so it becomes "�".
        #expect(DisplayWidth.wrap("a日b😀", width: 1) == ["a", "\u{FFFD}", "b", "\u{FFFD}"])
        #expect(DisplayWidth.wrap("日本", width: 1) == ["\u{FFFD}", "\u{FFFD}"])
        #expect(DisplayWidth.wrap("日本", width: 2) == ["日", "本"])
    }

    @Test func wrappedLinesFitAndKeepTheText() {
        var random = TextTestRandom(seed: 2024)
        for _ in 0..<2000 {
            let s = random.text(from: TextTestPool.ordinary + ["\n", "\n\n"], maxPieces: 20)
            let width = random.below(12) + 1
            let lines = DisplayWidth.wrap(s, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
            if width >= 2 {
                let before = s.filter { $0 != " " && $0 != "\n" }
                let after = lines.joined().filter { $0 != " " }
                #expect(before == after)
            }
        }
    }
}
