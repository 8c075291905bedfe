// Over 400 lines: the width tables of Unicode ranges are data next to the code that reads them.
/// Terminal column arithmetic for text typed by the public, so list columns stay aligned:
/// widths are counted per grapheme cluster (`Character`) and are always 0, 1 or 2; single
/// scalars follow East Asian Width as glibc's `wcwidth` (which ncursesw uses) does, with
/// Wide/Fullwidth ranges and emoji-presentation emoji at 2, marks, format characters,
/// variation selectors, Hangul medial/final jamo and controls at 0, and everything else
/// (including text-default emoji such as U+1F321) at 1; clusters terminals disagree about
/// (emoji ZWJ sequences, flags, skin-tone sequences) count 2 and are drawn through
/// `renderable(_:)`, and a text-default symbol plus U+FE0F (such as "☺️") counts 1 and is
/// drawn without the U+FE0F, so `renderable(_:)` is always the last step before drawing.
public enum DisplayWidth {
    /// The number of terminal columns the cluster `c` occupies (0, 1 or 2): its base scalar
    /// plus its other scalars (marks, joiners and selectors count 0), capped at 2, with ZWJ
    /// emoji sequences, flags and modifier sequences at 2 and controls at 0, because
    /// SafeText turns controls into visible pictures before anything is drawn.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard iterator.next() != nil else { return scalarWidth(first) }
        return Cluster(scalars).width
    }

    /// The number of terminal columns `s` occupies, the sum of its clusters' widths; runs of
    /// scalars that always stand alone (Latin, Greek, Cyrillic, common punctuation, kana,
    /// CJK ideographs) are measured without grapheme segmentation, which keeps this cheap.
    public static func of(_ s: some StringProtocol) -> Int {
        measure(substring(s))
    }

    /// The text to draw for `c` so the terminal advances by exactly `of(c)` columns: ZWJ
    /// sequences, flags and modifier sequences become their first scalar when it is wide,
    /// else "�" padded with a space to 2 columns; a lone regional indicator becomes "�";
    /// U+FE0F after a narrow base is dropped; controls and bidi controls (normally already
    /// replaced by SafeText) are dropped; a cluster whose scalars add up to more than two
    /// columns becomes "�" and padding; every other cluster is returned unchanged.
    public static func renderable(_ c: Character) -> String {
        let scalars = c.unicodeScalars
        var iterator = scalars.makeIterator()
        if let first = iterator.next(), iterator.next() == nil {
            // Single scalars only need the control and lone-flag-letter checks.
            if isHazard(first.value) { return "" }
            return isRegional(first.value) ? "\u{FFFD}" : String(c)
        }
        return Cluster(scalars).renderable(scalars)
    }

    /// `s` with every cluster replaced by `renderable(_: Character)`, so the terminal
    /// advances by exactly `of(s)` columns; where a dropped control would let its neighbours
    /// fuse into one cluster, the second neighbour is drawn as "�" as well, and text made
    /// only of stand-alone scalars is returned as it is after a single scan.
    public static func renderable(_ s: some StringProtocol) -> String {
        let sub = substring(s)
        if allSimpleAndHarmless(sub.unicodeScalars) { return String(sub) }
        var out = ""
        out.reserveCapacity(sub.utf8.count)
        var lastPiece = ""
        var droppedSinceLast = false
        for c in sub {
            var piece = renderable(c)
            // Neighbours of a dropped control may fuse (Hangul, ZWJ, modifiers) and change the width.
            if droppedSinceLast && !piece.isEmpty && !lastPiece.isEmpty
                && (lastPiece + piece).count != lastPiece.count + piece.count {
                piece = Cluster.replacement(width: of(c))
            }
            if piece.isEmpty {
                droppedSinceLast = true
                continue
            }
            droppedSinceLast = false
            lastPiece = piece
            out += piece
        }
        return out
    }

    /// `s` cut to at most `width` columns, ending with `ellipsis` when something was cut;
    /// clusters are never split, a wide cluster that does not fit before the ellipsis is
    /// dropped (so the result can be one column narrower than `width`, and callers pad), a
    /// width of 0 or less gives "", and an ellipsis wider than `width` is itself cut to fit.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        truncateMeasured(s, to: width, ellipsis: ellipsis).text
    }

    /// `s` truncated to `width` columns and padded with trailing spaces to exactly `width`
    /// columns, for left-aligned table cells; a width of 0 or less gives "".
    public static func padded(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let (text, used) = truncateMeasured(s, to: width, ellipsis: "…")
        return used < width ? text + String(repeating: " ", count: width - used) : text
    }

    /// `s` truncated to `width` columns and padded with leading spaces to exactly `width`
    /// columns, for right-aligned cells such as counts; a width of 0 or less gives "".
    public static func rightAligned(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let (text, used) = truncateMeasured(s, to: width, ellipsis: "…")
        return used < width ? String(repeating: " ", count: width - used) + text : text
    }

    /// Word-wraps a multi-line body into lines of at most `width` columns: "\n" (and a
    /// "\r\n" cluster) is a hard break and blank lines are kept as "", lines break at spaces
    /// and drop the spaces at the break, a paragraph's indentation is kept while it fits, a
    /// word longer than the width is cut between clusters, a width below 1 counts as 1, and
    /// at width 1 a two-column cluster is replaced by "�" on its own line, so every line
    /// fits and the loop always makes progress.
    public static func wrap(_ s: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var start = s.startIndex
        var index = s.startIndex
        while index < s.endIndex {
            let c = s[index]
            let next = s.index(after: index)
            if c == "\n" || c == "\r\n" {
                wrapParagraph(s[start..<index], width: width, into: &lines)
                start = next
            }
            index = next
        }
        wrapParagraph(s[start...], width: width, into: &lines)
        return lines
    }
}

// MARK: - Scalar widths

extension DisplayWidth {
    /// East Asian Wide and Fullwidth ranges outside the emoji blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF, 0x18D00...0x18D08,
        0x1AFF0...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251, 0x1F260...0x1F265, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Emoji blocks, where only emoji-presentation and unassigned code points are wide (as in wcwidth).
    private static let emojiRanges: [ClosedRange<UInt32>] = [
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
    ]

    /// The column width of one scalar on its own (0, 1 or 2).
    static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(u) { return 0 }
        if contains(wideRanges, v) { return 2 }
        if v >= 0x1F300, contains(emojiRanges, v) {
            // Unassigned code points here are future emoji, which will be wide.
            let p = u.properties
            return p.isEmojiPresentation || p.generalCategory == .unassigned ? 2 : 1
        }
        return 1
    }

    /// Whether a scalar (at or above U+0300) takes no column of its own.
    private static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        switch v {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF:
            return true  // Hangul medial vowels and final consonants join the leading consonant's cell.
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF:
            return true
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD:
            return false  // Prepended concatenation marks are visible format characters.
        default:
            break
        }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// Binary search over sorted, disjoint ranges.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let r = ranges[mid]
            if v < r.lowerBound {
                high = mid - 1
            } else if v > r.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Width of a scalar that can never join a stand-alone neighbour, else nil (marks, jamo, CR, emoji...).
    @inline(__always)
    static func simpleWidth(_ v: UInt32) -> Int? {
        if v < 0x300 {
            if v >= 0x20 && v < 0x7F { return 1 }
            if v == 0x0D { return nil }  // CR joins a following LF.
            return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1
        }
        if v <= 0x482 { return v >= 0x370 ? 1 : nil }
        if v >= 0x2010 && v <= 0x205E { return v <= 0x2027 || v >= 0x2030 ? 1 : nil }
        if v >= 0x20A0 && v <= 0x20C0 { return 1 }
        if v >= 0x2400 && v <= 0x2426 { return 1 }  // Control pictures, which SafeText produces.
        if v == 0xFFFD { return 1 }
        if v >= 0x3041 && v <= 0x3096 { return 2 }
        if v >= 0x30A1 && v <= 0x30FA { return 2 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        if v >= 0xFF01 && v <= 0xFF5E { return 2 }
        return nil
    }

    /// Whether every scalar stands alone and none is a control, so every cluster draws as it is.
    static func allSimpleAndHarmless(_ scalars: Substring.UnicodeScalarView) -> Bool {
        for u in scalars where simpleWidth(u.value) == nil || isHazard(u.value) {
            return false
        }
        return true
    }

    /// Scalars that must never reach the terminal: C0, DEL, C1, bidi controls, line separators.
    static func isHazard(_ v: UInt32) -> Bool {
        if v < 0x20 { return true }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `s` as a Substring without copying when it already is a String or Substring.
    static func substring(_ s: some StringProtocol) -> Substring {
        if let string = s as? String { return string[...] }
        if let sub = s as? Substring { return sub }
        return Substring(s)
    }

    /// Regional indicator symbols, which pair up into flags.
    static func isRegional(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

    /// Emoji skin-tone modifiers.
    static func isModifier(_ v: UInt32) -> Bool { v >= 0x1F3FB && v <= 0x1F3FF }

    /// Scalars that count as emoji for ZWJ purposes; ASCII keycap bases are excluded.
    static func isEmojiScalar(_ u: Unicode.Scalar) -> Bool {
        u.value >= 0xA9 && u.properties.isEmoji
    }

    /// Whether a ZWJ with these neighbours joins two emoji; `previous` must already skip U+FE0E/U+FE0F.
    static func zwjJoinsEmoji(previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
        guard let previous, let next else { return false }
        return isEmojiScalar(previous) && isEmojiScalar(next)
    }

    /// Presentation selectors, skipped when looking for the emoji before a ZWJ.
    static func isPresentationSelector(_ v: UInt32) -> Bool { v == 0xFE0E || v == 0xFE0F }
}

// MARK: - Clusters

extension DisplayWidth {
    /// What a multi-scalar cluster is made of, for measuring and drawing it.
    private struct Cluster {
        /// Unclamped sum of scalar widths.
        var sum = 0
        /// Width of the first scalar.
        var baseWidth = 0
        var first: Unicode.Scalar?
        var regionalCount = 0
        var hasModifier = false
        var hasJoinedEmoji = false
        var hasHazard = false
        var hasEmojiSelector = false

        init(_ scalars: Character.UnicodeScalarView) {
            var previous: Unicode.Scalar?
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let u = scalars[index]
                let next = scalars.index(after: index)
                let v = u.value
                let w = DisplayWidth.scalarWidth(u)
                if first == nil {
                    first = u
                    baseWidth = w
                } else if DisplayWidth.isModifier(v) {
                    hasModifier = true
                }
                sum += w
                if DisplayWidth.isRegional(v) { regionalCount += 1 }
                if DisplayWidth.isHazard(v) { hasHazard = true }
                if v == 0xFE0F { hasEmojiSelector = true }
                if v == 0x200D {
                    let after = next < scalars.endIndex ? scalars[next] : nil
                    if DisplayWidth.zwjJoinsEmoji(previous: previous, next: after) { hasJoinedEmoji = true }
                }
                if !DisplayWidth.isPresentationSelector(v) { previous = u }
                index = next
            }
        }

        /// Emoji sequences whose drawn width varies between terminals.
        var isComposite: Bool { regionalCount >= 2 || hasJoinedEmoji || hasModifier }

        var width: Int { isComposite ? 2 : min(sum, 2) }

        func renderable(_ scalars: Character.UnicodeScalarView) -> String {
            let width = self.width
            if isComposite {
                if baseWidth == 2, let first { return String(first) }
                return Self.replacement(width: width)
            }
            if regionalCount == 1 || sum > 2 { return Self.replacement(width: width) }
            guard hasHazard || (hasEmojiSelector && width < 2) else { return String(scalars) }
            var out = String.UnicodeScalarView()
            for u in scalars where !DisplayWidth.isHazard(u.value) && !(u.value == 0xFE0F && width < 2) {
                out.append(u)
            }
            return String(out)
        }

        /// "�" padded with spaces to `width` columns (nothing for width 0).
        static func replacement(width: Int) -> String {
            width <= 0 ? "" : "\u{FFFD}" + String(repeating: " ", count: width - 1)
        }
    }

    /// Calls `body` with each cluster's width and end until it returns false, skipping segmentation where it can.
    @inline(__always)
    static func forEachCluster(_ s: Substring, _ body: (_ width: Int, _ end: String.Index) -> Bool) {
        let scalars = s.unicodeScalars
        let end = scalars.endIndex
        var index = scalars.startIndex
        guard index < end else { return }
        var width = simpleWidth(scalars[index].value)
        while true {
            // `index` is a cluster boundary, so two stand-alone scalars in a row end a cluster.
            if let w = width {
                let next = scalars.index(after: index)
                if next == end {
                    _ = body(w, next)
                    return
                }
                let nextWidth = simpleWidth(scalars[next].value)
                if nextWidth != nil {
                    guard body(w, next) else { return }
                    index = next
                    width = nextWidth
                    continue
                }
            }
            let next = s.index(after: index)
            guard body(of(s[index]), next) else { return }
            index = next
            guard index < end else { return }
            width = simpleWidth(scalars[index].value)
        }
    }

    /// Width of a string, the sum of its clusters' widths.
    static func measure(_ s: Substring) -> Int {
        var total = 0
        forEachCluster(s) { width, _ in
            total += width
            return true
        }
        return total
    }

    /// The end of the longest prefix of `s` that fits in `budget` columns, and its width.
    static func fittingPrefix(_ s: Substring, budget: Int) -> (end: String.Index, width: Int) {
        var used = 0
        var fitEnd = s.startIndex
        forEachCluster(s) { width, end in
            guard used + width <= budget else { return false }
            used += width
            fitEnd = end
            return true
        }
        return (fitEnd, used)
    }

    /// Truncation that also reports the result's width, so padding needs no second measurement.
    static func truncateMeasured(_ s: String, to width: Int, ellipsis: String) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        let ellipsisWidth = measure(ellipsis[...])
        if ellipsisWidth > width {
            // Only matters when the text does not fit; an over-wide ellipsis is itself cut.
            let whole = fittingPrefix(s[...], budget: width)
            if whole.end == s.endIndex { return (s, whole.width) }
            let cut = fittingPrefix(ellipsis[...], budget: width)
            return (String(ellipsis[..<cut.end]), cut.width)
        }
        // One pass that stops as soon as the text is known not to fit.
        let budget = width - ellipsisWidth
        var used = 0
        var cutEnd = s.startIndex
        var cutWidth = 0
        var overflows = false
        forEachCluster(s[...]) { w, end in
            used += w
            if used > width {
                overflows = true
                return false
            }
            if used <= budget {
                cutEnd = end
                cutWidth = used
            }
            return true
        }
        guard overflows else { return (s, used) }
        return (String(s[..<cutEnd]) + ellipsis, cutWidth + ellipsisWidth)
    }
}

// MARK: - Wrapping

extension DisplayWidth {
    /// Wraps one hard-broken paragraph, appending at least one line.
    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var current = ""
        var currentWidth = 0
        // Spaces seen since the last word; at the paragraph start they are its indentation.
        var pendingSpaces = 0
        var emittedAny = false

        func flush() {
            lines.append(current)
            emittedAny = true
            current = ""
            currentWidth = 0
        }

        func append(_ text: some StringProtocol, width w: Int) {
            current += text
            currentWidth += w
        }

        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            if paragraph[index] == " " {
                pendingSpaces += 1
                index = paragraph.index(after: index)
                continue
            }
            var wordEnd = index
            while wordEnd < paragraph.endIndex && paragraph[wordEnd] != " " {
                wordEnd = paragraph.index(after: wordEnd)
            }
            let word = paragraph[index..<wordEnd]
            let wordWidth = measure(word)
            let lead = String(repeating: " ", count: pendingSpaces)
            if currentWidth + pendingSpaces + wordWidth <= width {
                append(lead + word, width: pendingSpaces + wordWidth)
            } else if wordWidth <= width {
                if !current.isEmpty { flush() }
                append(word, width: wordWidth)
            } else {
                // Longer than a line: start it here if its first cluster fits, then cut between clusters.
                let firstWidth = min(of(word[word.startIndex]), width)
                if currentWidth + pendingSpaces + firstWidth <= width {
                    append(lead, width: pendingSpaces)
                } else if !current.isEmpty {
                    flush()
                }
                for c in word {
                    var w = of(c)
                    let piece = w > width ? "\u{FFFD}" : String(c)  // Only at width 1 with a two-column cluster.
                    w = min(w, width)
                    if currentWidth + w > width && !current.isEmpty { flush() }
                    append(piece, width: w)
                }
            }
            pendingSpaces = 0
            index = wordEnd
        }
        // Trailing spaces are dropped; a blank paragraph still yields one empty line.
        if !current.isEmpty || !emittedAny { lines.append(current) }
    }
}
