import Testing
import AduanCore

struct TextSafeTextTests {
    @Test func controlsBecomeControlPictures() {
        #expect(SafeText.line("\u{1B}[2J") == "\u{241B}[2J")
        #expect(SafeText.line("a\tb\rc\nd") == "a\u{2409}b\u{240D}c\u{240A}d")
        #expect(SafeText.line("\u{0}\u{7}\u{1F}") == "\u{2400}\u{2407}\u{241F}")
        #expect(SafeText.line("x\u{7F}") == "x\u{2421}")
        #expect(SafeText.line("\u{1B}]52;c;ZXZpbA==\u{07}") == "\u{241B}]52;c;ZXZpbA==\u{2407}")
    }

    @Test func c1BidiAndInvisibleCharactersBecomeReplacementCharacters() {
        #expect(SafeText.line("\u{9B}2J") == "\u{FFFD}2J")
        #expect(SafeText.line("\u{85}") == "\u{FFFD}")
        #expect(SafeText.line("abc\u{202E}fed") == "abc\u{FFFD}fed")
        #expect(SafeText.line("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
        #expect(SafeText.line("\u{061C}\u{200E}\u{200F}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(SafeText.line("ad\u{200B}min") == "ad\u{FFFD}min")
        #expect(SafeText.line("soft\u{00AD}hyphen") == "soft\u{FFFD}hyphen")
        let invisible: [UInt32] = [
            0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180F, 0x200B, 0x200C, 0x2060, 0x2064,
            0x206A, 0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFB, 0xE0000, 0xE0041, 0xE007F,
        ]
        for v in invisible {
            #expect(SafeText.line(String(Unicode.Scalar(v)!)) == "\u{FFFD}", "U+\(String(v, radix: 16, uppercase: true))")
        }
    }

    @Test func lineSeparatorsBecomeNewlineSymbol() {
        #expect(SafeText.line("a\u{2028}b\u{2029}c") == "a\u{2424}b\u{2424}c")
    }

    @Test func zeroWidthJoinerSurvivesOnlyInsideEmoji() {
        #expect(SafeText.line("👩\u{200D}💻") == "👩\u{200D}💻")
        #expect(SafeText.line("🏳️\u{200D}🌈") == "🏳️\u{200D}🌈")
        #expect(SafeText.line("👩🏽\u{200D}💻") == "👩🏽\u{200D}💻")
        #expect(SafeText.line("a\u{200D}b") == "a\u{FFFD}b")
        #expect(SafeText.line("1\u{200D}2") == "1\u{FFFD}2")
        #expect(SafeText.line("😀\u{200D}") == "😀\u{FFFD}")
        #expect(SafeText.line("\u{200D}😀") == "\u{FFFD}😀")
    }

    @Test func ordinaryTextIsUnchanged() {
        let samples = [
            "Jalan rusak parah di Desa Sukamaju", "José Müller-Nguyễn", "Ñoño Çağrı Søren",
            "日本語 한국어 カタカナ", "😀 👍🏽 🇮🇩 ☺️ 1️⃣", "e\u{301}a\u{308}", "Rp 1.500.000 — 78,3%", "",
        ]
        for s in samples {
            #expect(SafeText.line(s) == s)
            #expect(SafeText.isSafe(s))
        }
        #expect(!SafeText.isSafe("\u{1B}[2J"))
        #expect(!SafeText.isSafe("a\u{200D}b"))
        #expect(!SafeText.isSafe("\n"))
    }

    @Test func multilineSplitsAndNormalisesLineEnds() {
        #expect(SafeText.multiline("a\r\nb\nc") == ["a", "b", "c"])
        #expect(SafeText.multiline("a\rb") == ["a\u{240D}b"])
        #expect(SafeText.multiline("a\u{2028}b\u{2029}c") == ["a", "b", "c"])
        #expect(SafeText.multiline("a\n\n\nb\n") == ["a", "", "", "b", ""])
        #expect(SafeText.multiline("") == [""])
        #expect(SafeText.multiline("\r\n") == ["", ""])
        #expect(SafeText.multiline("x\r\r\ny") == ["x\u{240D}", "y"])
    }

    @Test func multilineExpandsTabsToFourColumnStops() {
        #expect(SafeText.multiline("\tx") == ["    x"])
        #expect(SafeText.multiline("a\tb") == ["a   b"])
        #expect(SafeText.multiline("abcd\te") == ["abcd    e"])
        #expect(SafeText.multiline("日\tb") == ["日  b"])
        #expect(SafeText.multiline("a\t\tb\nxy\tz") == ["a       b", "xy  z"])
        // A control picture takes one column before the stop.
        #expect(SafeText.multiline("\u{1B}\tb") == ["\u{241B}   b"])
    }

    @Test func multilineSanitisesEachLine() {
        #expect(SafeText.multiline("judul\u{1B}[2J\nisi\u{202E}balik") == ["judul\u{241B}[2J", "isi\u{FFFD}balik"])
    }

    @Test func randomHostileTextNeverReachesTheTerminal() {
        var random = TextTestRandom(seed: 0x5AFE)
        for _ in 0..<5000 {
            let s = random.text(from: TextTestPool.all, maxPieces: 16)
            let line = SafeText.line(s)
            #expect(Self.violations(in: line).isEmpty, "\(s.unicodeScalars.map(\.value)) -> \(Self.violations(in: line))")
            #expect(!line.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
            #expect(SafeText.isSafe(line))
            #expect(SafeText.line(line) == line)
            #expect(SafeText.isSafe(s) == (line == s))
            let lines = SafeText.multiline(s)
            for l in lines {
                #expect(Self.violations(in: l).isEmpty, "\(s.unicodeScalars.map(\.value))")
                #expect(SafeText.isSafe(l))
            }
            let hardBreaks = s.unicodeScalars.count { $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{2029}" }
            // "\r\n" counts once through its "\n"; a lone "\r" is not a break.
            #expect(lines.count == hardBreaks + 1)
        }
    }

    /// Scalars in `s` that a terminal could interpret or that could disguise the text.
    static func violations(in s: String) -> [UInt32] {
        let scalars = Array(s.unicodeScalars)
        var bad: [UInt32] = []
        for (i, u) in scalars.enumerated() {
            let v = u.value
            switch v {
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E,
                 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x2028, 0x2029, 0xE0000...0xE007F:
                bad.append(v)
            case 0x200D:
                // Allowed only between two emoji (skipping presentation selectors before it).
                var j = i - 1
                while j >= 0 && (scalars[j].value == 0xFE0F || scalars[j].value == 0xFE0E) { j -= 1 }
                let before = j >= 0 && scalars[j].value > 0x7F && scalars[j].properties.isEmoji
                let after = i + 1 < scalars.count && scalars[i + 1].value > 0x7F && scalars[i + 1].properties.isEmoji
                if !(before && after) { bad.append(v) }
            default:
                break
            }
        }
        return bad
    }
}

/// Messages that quote hostile input stay short and safe; suggestions never cost quadratic time.
struct HugeInputMessageTests {
    @Test func anExcerptCutsLongTextAndSaysHowMuchWasLeftOut() {
        #expect(SafeText.excerpt("pendek") == "pendek")
        let long = String(repeating: "é", count: 1_000) + "\u{1B}]0;x\u{07}"
        let e = SafeText.excerpt(long, limit: 10)
        #expect(e == String(repeating: "é", count: 10) + "… (+996)")  // 990 more é and the 6-character OSC
        #expect(SafeText.excerpt("a\u{1B}[2Jb") == "a␛[2Jb")
    }

    @Test func aMegabyteLongNameGetsNoSuggestionAndReturnsAtOnce() {
        // Found by the import fuzzer: a 1 MB JSON key stalled the "did you mean" hint.
        let huge = String(repeating: "t", count: 1_000_000)
        #expect(FilterParser.closest(huge, in: ["title", "status"]) == nil)
        #expect(FilterParser.closest("stauts", in: ["title", "status"]) == "status")
        #expect(FilterParser.closest("titel", in: ["title", "status"]) == "title")
    }
}
