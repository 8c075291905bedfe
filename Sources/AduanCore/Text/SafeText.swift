/// Turns text typed by the public into text that is safe to hand to the terminal: an ESC,
/// CSI, OSC or DCS sequence could move the cursor, retitle the window or write the
/// clipboard, and bidi or invisible characters could disguise what an operator reads, so
/// C0 controls and DEL become their Unicode Control Pictures (ESC shows as "␛"), C1
/// controls, bidi controls and invisible format characters become "�", line/paragraph
/// separators become "␤", and U+200D survives only where it joins two emoji.
public enum SafeText {
    /// `s` made safe for a single-line context such as a list row, a title or a status line:
    /// C0 controls (including TAB, CR and LF) become U+2400 + code, DEL becomes "␡", C1
    /// controls, bidi controls, zero-width and invisible format characters, tag characters
    /// and a U+200D that does not join two emoji become "�", U+2028/U+2029 become "␤", and
    /// text that needs no change is returned as is without allocating.
    public static func line(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = firstUnsafe(scalars) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        // Copy safe runs in bulk and only append replacements scalar by scalar.
        var runStart = scalars.startIndex
        var previous = first.previous
        var index = first.index
        while index < scalars.endIndex {
            let u = scalars[index]
            let next = scalars.index(after: index)
            if u.value < 0x20 || u.value >= 0x7F {
                let after = next < scalars.endIndex ? scalars[next] : nil
                if let r = replacement(for: u, previous: previous, next: after) {
                    out += s[runStart..<index]
                    out.unicodeScalars.append(r)
                    runStart = next
                }
                if !DisplayWidth.isPresentationSelector(u.value) { previous = u }
            } else {
                previous = u
            }
            index = next
        }
        out += s[runStart...]
        return out
    }

    /// `line(s)` cut to at most `limit` characters, saying how many were left out: for messages
    /// that quote input, which may be a megabyte long.
    public static func excerpt(_ s: String, limit: Int = 400) -> String {
        guard s.utf8.count > limit else { return line(s) }
        let head = s.prefix(limit)
        guard head.endIndex < s.endIndex else { return line(s) }
        let rest = s[head.endIndex...].count
        return line(String(head)) + "… (+\(rest))"
    }

    /// `s` made safe for a multi-line body and split into its lines, empty lines kept:
    /// "\r\n", "\n", U+2028 and U+2029 end a line while a lone "\r" shows as "␍", a TAB
    /// becomes spaces up to the next multiple of 4 columns (measured with DisplayWidth on
    /// the sanitised line so far), and everything else is sanitised exactly like `line(_:)`.
    public static func multiline(_ s: String) -> [String] {
        var lines: [String] = []
        let scalars = s.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let v = scalars[index].value
            let next = scalars.index(after: index)
            switch v {
            case 0x0A, 0x2028, 0x2029:
                lines.append(expandedLine(scalars[lineStart..<index]))
                lineStart = next
            case 0x0D where next < scalars.endIndex && scalars[next].value == 0x0A:
                lines.append(expandedLine(scalars[lineStart..<index]))
                lineStart = scalars.index(after: next)
                index = lineStart
                continue
            default:
                break
            }
            index = next
        }
        lines.append(expandedLine(scalars[lineStart...]))
        return lines
    }

    /// Whether `s` can be shown as it is, that is whether `line(s) == s`.
    public static func isSafe(_ s: String) -> Bool {
        firstUnsafe(s.unicodeScalars) == nil
    }
}

extension SafeText {
    /// The visible stand-in for `u`, or nil when `u` is safe; `previous` skips presentation selectors.
    static func replacement(
        for u: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?
    ) -> Unicode.Scalar? {
        let v = u.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }
        if v < 0x7F { return nil }
        if v == 0x7F { return "\u{2421}" }
        if v <= 0x9F { return "\u{FFFD}" }
        if v < 0xAD { return nil }
        switch v {
        case 0x200D:
            return DisplayWidth.zwjJoinsEmoji(previous: previous, next: next) ? nil : "\u{FFFD}"
        case 0x2028, 0x2029:
            return "\u{2424}"
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
             0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x206F,
             0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return "\u{FFFD}"
        default:
            return nil
        }
    }

    /// The first scalar needing replacement and the scalar before it (skipping selectors).
    private static func firstUnsafe(
        _ scalars: String.UnicodeScalarView
    ) -> (index: String.Index, previous: Unicode.Scalar?)? {
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let u = scalars[index]
            let next = scalars.index(after: index)
            let v = u.value
            // Printable ASCII is by far the most common input and is always safe.
            if v < 0x20 || v >= 0x7F {
                let after = next != scalars.endIndex ? scalars[next] : nil
                if replacement(for: u, previous: previous, next: after) != nil { return (index, previous) }
            }
            if !DisplayWidth.isPresentationSelector(v) { previous = u }
            index = next
        }
        return nil
    }

    /// One raw body line with TABs expanded to 4-column stops and everything else made safe.
    private static func expandedLine(_ raw: Substring.UnicodeScalarView) -> String {
        var out = ""
        var column = 0
        var segmentStart = raw.startIndex
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index].value == 0x09 {
                let segment = line(String(Substring(raw[segmentStart..<index])))
                column += DisplayWidth.of(segment)
                let spaces = 4 - column % 4
                out += segment
                out += String(repeating: " ", count: spaces)
                column += spaces
                segmentStart = raw.index(after: index)
            }
            index = raw.index(after: index)
        }
        out += line(String(Substring(raw[segmentStart...])))
        return out
    }
}
