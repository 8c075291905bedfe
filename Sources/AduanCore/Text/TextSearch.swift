/// Search words and what they match, in agreement with the store's SQLite FTS5 index: the
/// store uses FTS5's `unicode61 remove_diacritics 2` tokenizer and in-memory filters must
/// find exactly what the index finds, so a token is a run of letters (L*), numbers (N*),
/// private-use characters and the few combining diacritics FTS5 folds away (every other
/// scalar, including most combining marks, separates tokens), and folding strips Latin
/// diacritics the way FTS5 does, keeping letters without a decomposition (ø, đ, ł, æ, ß).
public enum TextSearch {
    /// `s` lowercased, with diacritics removed from Latin letters (é → e, ñ → n, ç → c,
    /// ệ → e, İ → i) and combining marks U+0300–U+036F dropped; other characters are only
    /// lowercased, as FTS5's Unicode 6.1 tables do, and letters FTS5 does not decompose
    /// (ø, đ, ł, æ, ß, þ) are kept, so folded text compares the way the index does.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value >= 0x300 && u.value <= 0x36F { continue }
            appendFolded(u, to: &out)
        }
        return String(out)
    }

    /// The folded tokens of `s`, in order, exactly as FTS5 `unicode61 remove_diacritics 2`
    /// splits them: runs of letters, numbers, private-use characters and FTS5's diacritic
    /// marks; anything else separates. A run of CJK text without spaces is a single token.
    public static func tokens(_ s: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isDiacritic(u.value) { continue }  // Part of the token, but folded away.
            if isTokenScalar(u) {
                appendFolded(u, to: &current)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// Parses what an operator typed into a search box: text in double quotes (ASCII `"` or
    /// typographic “ ”) is a phrase and an unclosed quote runs to the end; outside quotes each
    /// whitespace-separated chunk is a term, a chunk with several tokens (such as "e-mail" or
    /// "Jl.Merdeka") becomes a phrase of them, and chunks without tokens are ignored.
    public static func query(_ input: String) -> TextQuery {
        var terms: [[String]] = []
        var chunk = String.UnicodeScalarView()
        var phrase = String.UnicodeScalarView()
        var inQuote = false

        func endChunk() {
            let chunkTokens = tokens(String(chunk))
            if !chunkTokens.isEmpty { terms.append(chunkTokens) }
            chunk = String.UnicodeScalarView()
        }

        // Scalars rather than Characters, so a quote carrying a combining mark still delimits.
        for u in input.unicodeScalars {
            if u == "\"" || u == "\u{201C}" || u == "\u{201D}" {
                if inQuote {
                    let phraseTokens = tokens(String(phrase))
                    if !phraseTokens.isEmpty { terms.append(phraseTokens) }
                    phrase = String.UnicodeScalarView()
                } else {
                    endChunk()
                }
                inQuote.toggle()
            } else if inQuote {
                phrase.append(u)
            } else if u.properties.isWhitespace {
                endChunk()
            } else {
                chunk.append(u)
            }
        }
        endChunk()
        let phraseTokens = tokens(String(phrase))
        if !phraseTokens.isEmpty { terms.append(phraseTokens) }
        return TextQuery(terms: terms)
    }
}

/// A parsed search in which every term must match (AND), as in its FTS5 expression: a
/// one-token term matches when it is a prefix of some token of the text, and a phrase
/// matches consecutive tokens, the last by prefix and the others exactly; comparisons are
/// scalar by scalar like FTS5's byte comparisons, so differently encoded text does not match.
public struct TextQuery: Equatable, Sendable {
    /// The terms in input order; each is a non-empty list of folded tokens.
    public let terms: [[String]]

    /// A query from already folded tokens (normally from `TextSearch.tokens(_:)`), dropping
    /// empty terms; tokens are used as given, and the FTS5 expression quotes them anyway, so
    /// odd tokens can match nothing but can never break the expression.
    public init(terms: [[String]]) {
        self.terms = terms.map { $0.filter { !$0.isEmpty } }.filter { !$0.isEmpty }
    }

    /// Whether the query has no terms (for example the input was only punctuation);
    /// callers should then show everything instead of running a search.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether `text` satisfies every term; an empty query matches everything.
    public func matches(_ text: String) -> Bool {
        isEmpty || matches(tokens: TextSearch.tokens(text))
    }

    /// Whether a row with several indexed columns (such as title and body) satisfies every
    /// term the way FTS5 judges it: each term must match within one field, but different
    /// terms may match different fields, so a phrase never spans two columns.
    public func matches(fields: [String]) -> Bool {
        if isEmpty { return true }
        let tokenized = fields.map(TextSearch.tokens)
        return terms.allSatisfy { term in tokenized.contains { Self.term(term, matches: $0) } }
    }

    /// Whether text already split with `TextSearch.tokens(_:)` satisfies every term, for
    /// callers that filter many rows and keep their tokens.
    public func matches(tokens: [String]) -> Bool {
        terms.allSatisfy { Self.term($0, matches: tokens) }
    }

    /// The equivalent SQLite FTS5 MATCH expression, or "" for an empty query: each term is
    /// one quoted string followed by `*` (`"abc"*` for a word, `"a b"*` for a phrase, where
    /// FTS5 applies the prefix to the last token), terms are joined by spaces (AND), and
    /// quotes are doubled, so it only contains quoted strings, `*` and spaces and always parses.
    public var ftsExpression: String {
        terms.map { term in
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            // Scalar by scalar, so a quote followed by a combining mark is still doubled.
            for u in term.joined(separator: " ").unicodeScalars {
                quoted.append(u)
                if u == "\"" { quoted.append(u) }
            }
            quoted.append(contentsOf: "\"*".unicodeScalars)
            return String(quoted)
        }.joined(separator: " ")
    }

    /// Phrase match: consecutive tokens, the last by prefix.
    private static func term(_ term: [String], matches tokens: [String]) -> Bool {
        guard tokens.count >= term.count else { return false }
        let last = term.count - 1
        for start in 0...(tokens.count - term.count) {
            var ok = true
            for k in 0..<last where !sameScalars(tokens[start + k], term[k]) {
                ok = false
                break
            }
            if ok && hasScalarPrefix(tokens[start + last], term[last]) { return true }
        }
        return false
    }

    private static func sameScalars(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    private static func hasScalarPrefix(_ token: String, _ prefix: String) -> Bool {
        token.utf8.starts(with: prefix.utf8)
    }
}

extension TextSearch {
    /// Base letter per scalar from U+00C0, "." for none; observed from FTS5 `remove_diacritics 2`.
    private static let latinBlock: [UInt8] = Array((
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y"  // U+00C0
        + "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll."  // U+0100
        + "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs"  // U+0140
        + "................................oo.............uu..............."  // U+0180
        + ".............aaiioouuuuuuuuuu.aa......ggkkoooo..j...gg..nnaa...."  // U+01C0
        + "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............"  // U+0200
        + "................"  // U+0240
    ).utf8)

    /// Base letter per scalar of Latin Extended Additional (Vietnamese and others), as `latinBlock`.
    private static let latinAdditional: [UInt8] = Array((
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"  // U+1E00
        + "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"  // U+1E40
        + "wwwwwwwwwwxxxxyyzzzzzzhtwy.s....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"  // U+1E80
        + "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......"  // U+1EC0
    ).utf8)

    /// Appends the lowercased, diacritic-free form of `u`, as FTS5 folds it.
    private static func appendFolded(_ u: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = u.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : u)
            return
        }
        if v == 0xFFFE || v == 0xFFFF { return }  // FTS5 drops these noncharacters.
        out.append(stripLatin(lowercased(u)))
    }

    /// FTS5's lowercase: a few Greek symbol forms fold, scalars newer than Unicode 6.1 do not change.
    private static func lowercased(_ u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0x00B5: return "\u{03BC}"
        case 0x03C2: return "\u{03C3}"
        case 0x03D0: return "\u{03B2}"
        case 0x03D1: return "\u{03B8}"
        case 0x03D5: return "\u{03C6}"
        case 0x03D6: return "\u{03C0}"
        case 0x03F0: return "\u{03BA}"
        case 0x03F1: return "\u{03C1}"
        case 0x03F5: return "\u{03B5}"
        case 0x1FBE: return "\u{03B9}"
        default: break
        }
        let properties = u.properties
        guard properties.changesWhenLowercased, let age = properties.age, age <= fts5UnicodeVersion else { return u }
        let lower = properties.lowercaseMapping.unicodeScalars
        // Multi-scalar forms (İ → i̇) are handled by the Latin table instead.
        guard lower.count == 1, let l = lower.first, let lowerAge = l.properties.age,
              lowerAge <= fts5UnicodeVersion else { return u }
        return l
    }

    /// The base letter of a Latin letter with diacritics, or the scalar itself.
    private static func stripLatin(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        var base: UInt8 = 0x2E
        if v >= 0xC0 && v <= 0x24F {
            base = latinBlock[Int(v - 0xC0)]
        } else if v >= 0x1E00 && v <= 0x1EFF {
            base = latinAdditional[Int(v - 0x1E00)]
        }
        return base == 0x2E ? u : Unicode.Scalar(base)
    }

    /// The combining marks FTS5 treats as part of a token and folds away.
    static func isDiacritic(_ v: UInt32) -> Bool {
        guard v >= 0x300 && v <= 0x331 else { return false }
        switch v {
        case 0x300...0x304, 0x306...0x30C, 0x30F, 0x311, 0x31B, 0x323...0x328, 0x32D...0x32E, 0x330...0x331:
            return true
        default:
            return false
        }
    }

    /// FTS5's token characters: L*, N*, Co, plus anything its Unicode 6.1 tables do not know (newer emoji too).
    static func isTokenScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch v {
        case 0xFFFE, 0xFFFF: return false  // Noncharacters FTS5 treats as separators.
        case 0x1885...0x1886: return true  // Mongolian letters that were Lo in Unicode 6.1.
        case 0x19B0...0x19C0, 0x19C8...0x19C9, 0x1CF2...0x1CF3: return false  // Were Mc in 6.1.
        default: break
        }
        let properties = u.properties
        guard let age = properties.age, age <= fts5UnicodeVersion else { return true }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }

    /// The Unicode version of FTS5's built-in category and case tables.
    private static let fts5UnicodeVersion: Unicode.Version = (major: 6, minor: 1)
}
