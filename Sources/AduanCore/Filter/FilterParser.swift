// Over 400 lines: the tokenizer, the grammar and the vocabulary of both languages read best side by side.
/// A filter that could not be parsed: where (1-based column) and what.
public struct FilterError: Error, Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        case unknownField(String, suggestion: String?)
        case badValue(field: String, value: String, expected: String)
        case missingValue(field: String)
        case unbalancedParenthesis
        case unexpected(String)
        case unterminatedQuote
        case emptyGroup
        case dangling(String)
        /// Longer than `FilterParser.maxLength` characters.
        case tooLong(limit: Int)
        /// Parentheses or NOTs nested deeper than `FilterParser.maxDepth`.
        case tooDeep(limit: Int)
        /// More than `FilterParser.maxTerms` conditions.
        case tooManyTerms(limit: Int)
        /// More than `FilterParser.maxSearchWords` search words (phrases included).
        case tooManyWords(limit: Int)
    }

    public var column: Int
    public var problem: Problem

    public init(column: Int, problem: Problem) {
        self.column = column
        self.problem = problem
    }
}

/// What the parser may check names against. Without a directory any unit or agency id is accepted.
public struct FilterVocabulary: Sendable {
    public var directory: Directory?

    public init(directory: Directory? = nil) { self.directory = directory }
}

/// Parses Aduan's filter language. See `docs/FILTERS.md`; in short:
///
///     status:proses unit:dinkes overdue            (terms side by side: AND)
///     status:bt,bd AND (overdue OR due-soon)        (AND, OR, NOT, parentheses)
///     NOT channel:sms1708 age:>5d "jalan rusak"     (quoted phrase: text search)
///     kategori:infrastruktur DAN BUKAN anonim       (Indonesian keywords work too)
///
/// Keywords are upper case (AND OR NOT, DAN ATAU BUKAN) or symbols (`&`, `|`, `!`, a leading `-`),
/// so lower-case "dan" stays a search word.
public enum FilterParser {
    /// Bounds on what one filter may cost, so hostile input cannot exhaust the stack (every
    /// level of nesting is a level of recursion here, in evaluation and in the SQL) or the CPU
    /// (every search word is matched against every complaint). Far above anything typed by hand.
    /// The depth (parentheses and NOTs) is 32 because each level becomes a parenthesis in the
    /// store's SQL and SQLite's parser gives up ("parser stack overflow") at about 45.
    public static let maxLength = 4_000
    public static let maxDepth = 32
    public static let maxTerms = 128
    public static let maxSearchWords = 64

    public static func parse(_ input: String, vocabulary: FilterVocabulary = FilterVocabulary()) -> Result<FilterExpression, FilterError> {
        // Counting bytes first: a megabyte argument is refused without building anything from it.
        if input.utf8.count > maxLength, input.count > maxLength {
            return .failure(FilterError(column: maxLength + 1, problem: .tooLong(limit: maxLength)))
        }
        var lexer = Lexer(input)
        let tokens: [Token]
        switch lexer.tokens() {
        case .failure(let e): return .failure(e)
        case .success(let t): tokens = t
        }
        var terms = 0
        for t in tokens where t.kind == .word || t.kind == .quoted {
            terms += 1
            if terms > maxTerms { return .failure(FilterError(column: t.column, problem: .tooManyTerms(limit: maxTerms))) }
        }
        var parser = Parser(tokens: tokens, vocabulary: vocabulary)
        do {
            if tokens.isEmpty { return .success(.all) }
            let expr = try parser.orExpression()
            if parser.index < tokens.count {
                let t = tokens[parser.index]
                if case .close = t.kind { return .failure(FilterError(column: t.column, problem: .unbalancedParenthesis)) }
                return .failure(FilterError(column: t.column, problem: .unexpected(t.text)))
            }
            return .success(simplify(expr))
        } catch let e as FilterError {
            return .failure(e)
        } catch {
            return .failure(FilterError(column: 1, problem: .unexpected(input)))
        }
    }

    /// The bounds of `parse` for text searched as it is typed (the screen's `/` prompt): nil
    /// when `text` is within them, else the error `parse` would give for it.
    public static func searchBoundsError(_ text: String) -> FilterError? {
        if text.utf8.count > maxLength, text.count > maxLength {
            return FilterError(column: maxLength + 1, problem: .tooLong(limit: maxLength))
        }
        let words = TextSearch.query(text).terms.reduce(0) { $0 + $1.count }
        if words > maxSearchWords { return FilterError(column: 1, problem: .tooManyWords(limit: maxSearchWords)) }
        return nil
    }

    /// The field names the language knows, with Indonesian and short aliases.
    static let fields: [String: String] = [
        "status": "status", "s": "status",
        "unit": "unit", "u": "unit", "opd": "unit",
        "agency": "agency", "instansi": "agency",
        "cc": "cc", "tembusan": "cc",
        "category": "category", "kategori": "category", "cat": "category",
        "class": "classification", "classification": "classification", "klasifikasi": "classification", "jenis": "classification",
        "channel": "channel", "kanal": "channel", "sumber": "channel",
        "priority": "priority", "prioritas": "priority",
        "age": "age", "umur": "age", "usia": "age",
        "rating": "rating", "nilai": "rating",
        "tracking": "tracking", "lapor": "tracking", "no": "tracking",
        "id": "id",
        "text": "text", "teks": "text",
        "is": "is", "adalah": "is",
    ]

    static let flags: [String: FilterTerm] = [
        "overdue": .overdue, "terlambat": .overdue, "lewat": .overdue, "late": .overdue,
        "due-soon": .dueSoon, "duesoon": .dueSoon, "due_soon": .dueSoon, "segera": .dueSoon, "soon": .dueSoon,
        "anonymous": .anonymous, "anonim": .anonymous,
        "confidential": .confidential, "rahasia": .confidential,
        "pingpong": .pingPong, "ping-pong": .pingPong,
        "forwarded": .forwarded, "diteruskan": .forwarded,
        "mine": .mine, "milikku": .mine, "milik-saya": .mine,
        "undecided": .privacyUndecided, "belum-diputuskan": .privacyUndecided,
        "awaiting-approval": .awaitingApproval, "menunggu-persetujuan": .awaitingApproval, "draft": .awaitingApproval, "draf": .awaitingApproval,
    ]

    private static func simplify(_ e: FilterExpression) -> FilterExpression {
        switch e {
        case .and(let parts):
            var flat: [FilterExpression] = []
            var text: [String] = []
            for p in parts.map(simplify) {
                if case .and(let inner) = p { flat += inner } else if case .term(.text(let t)) = p { text.append(t) } else { flat.append(p) }
            }
            // Adjacent search words form one text query, so a store runs one full-text match.
            if !text.isEmpty { flat.insert(.term(.text(text.joined(separator: " "))), at: 0) }
            return flat.count == 1 ? flat[0] : .and(flat)
        case .or(let parts):
            var flat: [FilterExpression] = []
            for p in parts.map(simplify) {
                if case .or(let inner) = p { flat += inner } else { flat.append(p) }
            }
            return flat.count == 1 ? flat[0] : .or(flat)
        case .not(let inner):
            let s = simplify(inner)
            if case .not(let x) = s { return x }
            return .not(s)
        default:
            return e
        }
    }

    // MARK: lexer

    enum Kind: Equatable { case word, quoted, open, close, and, or, not }

    struct Token {
        var kind: Kind
        var text: String
        var column: Int
    }

    struct Lexer {
        let chars: [Character]
        var i = 0

        init(_ s: String) { chars = Array(s) }

        mutating func tokens() -> Result<[Token], FilterError> {
            var out: [Token] = []
            while i < chars.count {
                let c = chars[i]
                let column = i + 1
                if c.isWhitespace { i += 1; continue }
                switch c {
                case "(": out.append(Token(kind: .open, text: "(", column: column)); i += 1
                case ")": out.append(Token(kind: .close, text: ")", column: column)); i += 1
                case "&":
                    let double = i + 1 < chars.count && chars[i + 1] == "&"
                    out.append(Token(kind: .and, text: double ? "&&" : "&", column: column)); i += double ? 2 : 1
                case "|":
                    let double = i + 1 < chars.count && chars[i + 1] == "|"
                    out.append(Token(kind: .or, text: double ? "||" : "|", column: column)); i += double ? 2 : 1
                case "!": out.append(Token(kind: .not, text: "!", column: column)); i += 1
                // Only reached at the start of a token: a '-' inside a word (due-soon) is read with the word.
                case "-" where i + 1 < chars.count && !chars[i + 1].isWhitespace:
                    out.append(Token(kind: .not, text: "-", column: column)); i += 1
                case "\"":
                    i += 1
                    var text = ""
                    while i < chars.count, chars[i] != "\"" { text.append(chars[i]); i += 1 }
                    if i >= chars.count { return .failure(FilterError(column: column, problem: .unterminatedQuote)) }
                    i += 1
                    out.append(Token(kind: .quoted, text: text, column: column))
                default:
                    var text = ""
                    while i < chars.count, !chars[i].isWhitespace, chars[i] != "(", chars[i] != ")" {
                        // field:"quoted value" stays one word.
                        if chars[i] == "\"" && text.hasSuffix(":") {
                            i += 1
                            while i < chars.count, chars[i] != "\"" { text.append(chars[i]); i += 1 }
                            if i >= chars.count { return .failure(FilterError(column: column, problem: .unterminatedQuote)) }
                            i += 1
                            continue
                        }
                        text.append(chars[i])
                        i += 1
                    }
                    switch text {
                    case "AND", "DAN", "&&": out.append(Token(kind: .and, text: text, column: column))
                    case "OR", "ATAU", "||": out.append(Token(kind: .or, text: text, column: column))
                    case "NOT", "BUKAN", "TIDAK": out.append(Token(kind: .not, text: text, column: column))
                    default: out.append(Token(kind: .word, text: text, column: column))
                    }
                }
            }
            return .success(out)
        }
    }

    // MARK: parser

    struct Parser {
        let tokens: [Token]
        let vocabulary: FilterVocabulary
        var index = 0
        /// Open parentheses and NOTs around the current token.
        var depth = 0
        /// Search words seen so far, phrases counted word by word.
        var searchWords = 0

        init(tokens: [Token], vocabulary: FilterVocabulary) {
            self.tokens = tokens
            self.vocabulary = vocabulary
        }

        var current: Token? { index < tokens.count ? tokens[index] : nil }

        mutating func orExpression() throws -> FilterExpression {
            var parts = [try andExpression()]
            while let t = current, t.kind == .or {
                index += 1
                guard current != nil, current?.kind != .close else { throw FilterError(column: t.column, problem: .dangling(t.text)) }
                parts.append(try andExpression())
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func andExpression() throws -> FilterExpression {
            var parts = [try unary()]
            while let t = current, t.kind != .or, t.kind != .close {
                if t.kind == .and {
                    index += 1
                    guard current != nil, current?.kind != .close, current?.kind != .or else {
                        throw FilterError(column: t.column, problem: .dangling(t.text))
                    }
                }
                parts.append(try unary())
            }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func unary() throws -> FilterExpression {
            guard let t = current else { throw FilterError(column: (tokens.last?.column ?? 0) + 1, problem: .dangling("")) }
            if t.kind == .not || t.kind == .open {
                guard depth < FilterParser.maxDepth else { throw FilterError(column: t.column, problem: .tooDeep(limit: FilterParser.maxDepth)) }
                depth += 1
            }
            defer { if t.kind == .not || t.kind == .open { depth -= 1 } }
            switch t.kind {
            case .not:
                index += 1
                guard let next = current, next.kind != .close, next.kind != .and, next.kind != .or else {
                    throw FilterError(column: t.column, problem: .dangling(t.text))
                }
                return .not(try unary())
            case .open:
                index += 1
                if current?.kind == .close { throw FilterError(column: t.column, problem: .emptyGroup) }
                let inner = try orExpression()
                guard current?.kind == .close else { throw FilterError(column: t.column, problem: .unbalancedParenthesis) }
                index += 1
                return inner
            case .close:
                throw FilterError(column: t.column, problem: .unbalancedParenthesis)
            case .and, .or:
                throw FilterError(column: t.column, problem: .dangling(t.text))
            case .quoted:
                index += 1
                let text = "\"" + t.text.filter { $0 != "\"" } + "\""
                try countSearchWords(text, at: t)
                return .term(.text(text))
            case .word:
                index += 1
                let result = try term(t)
                if case .text(let text) = result { try countSearchWords(text, at: t) }
                return .term(result)
            }
        }

        mutating func countSearchWords(_ text: String, at t: Token) throws {
            searchWords += TextSearch.query(text).terms.reduce(0) { $0 + $1.count }
            if searchWords > FilterParser.maxSearchWords {
                throw FilterError(column: t.column, problem: .tooManyWords(limit: FilterParser.maxSearchWords))
            }
        }

        func term(_ t: Token) throws -> FilterTerm {
            let word = t.text
            if let flag = FilterParser.flags[word.lowercased()] { return flag }
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else { return .text(word) }
            let name = word[..<colon].lowercased()
            let value = String(word[word.index(after: colon)...])
            guard let field = FilterParser.fields[name] else {
                // "http://…" or "10:30" are search words, not fields.
                if name.contains(where: { !$0.isLetter }) || value.hasPrefix("//") { return .text(word) }
                throw FilterError(column: t.column, problem: .unknownField(name, suggestion: FilterParser.suggest(name)))
            }
            guard !value.isEmpty else { throw FilterError(column: t.column, problem: .missingValue(field: name)) }
            let values = value.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            func bad(_ expected: String) -> FilterError {
                FilterError(column: t.column, problem: .badValue(field: name, value: value, expected: expected))
            }
            if values.isEmpty { throw FilterError(column: t.column, problem: .missingValue(field: name)) }
            switch field {
            case "status":
                let statuses = try values.map { v -> Status in
                    guard let s = Status.parse(v) else { throw bad(Status.allCases.map(\.rawValue).joined(separator: ", ")) }
                    return s
                }
                return .status(statuses)
            case "unit":
                return .unit(try values.map { try resolveUnit($0, bad) })
            case "cc":
                if values.count > 1 { throw bad("cc:dinkes OR cc:pupr") }
                return .copiedTo(try resolveUnit(values[0], bad))
            case "agency":
                return .agency(try values.map { try resolveAgency($0, bad) })
            case "category":
                let cat = Category(value)
                guard !cat.path.isEmpty else { throw bad("infrastruktur/jalan") }
                return .category(cat)
            case "classification":
                return .classification(try values.map { v in
                    guard let c = Classification.parse(v) else { throw bad(Classification.allCases.map(\.rawValue).joined(separator: ", ")) }
                    return c
                })
            case "channel":
                return .channel(try values.map { v in
                    guard let c = Channel.parse(v) else { throw bad(Channel.allCases.map(\.rawValue).joined(separator: ", ")) }
                    return c
                })
            case "priority":
                return .priority(try values.map { v in
                    guard let p = Priority.parse(v) else { throw bad(Priority.allCases.map(\.rawValue).joined(separator: ", ")) }
                    return p
                })
            case "age":
                guard let (cmp, n, counting) = FilterParser.parseAge(value) else { throw bad(">5d, <=2w, >3wd, >3hk") }
                return .age(cmp, n, counting)
            case "rating":
                let (cmp, rest) = FilterParser.comparison(value)
                guard let n = Int(rest), (1...5).contains(n) else { throw bad("1–5 (rating:<=2)") }
                return .rating(cmp ?? .equal, n)
            case "tracking":
                guard value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw bad("0–9 (tracking:4512345)") }
                return .trackingID(value)
            case "id":
                guard let n = Int64(value), n > 0 else { throw bad("1, 2, 3 … (id:12)") }
                return .localID(n)
            case "text":
                // The lexer dropped the quotes of text:"jalan rusak"; put them back so it stays a phrase.
                return .text(value.contains(" ") ? "\"" + value.filter { $0 != "\"" } + "\"" : value)
            case "is":
                guard let flag = FilterParser.flags[value.lowercased()] else {
                    throw bad("overdue, due-soon, anonymous, confidential, pingpong, forwarded, mine, undecided, awaiting-approval")
                }
                return flag
            default:
                throw FilterError(column: t.column, problem: .unknownField(name, suggestion: nil))
            }
        }

        func resolveUnit(_ v: String, _ bad: (String) -> FilterError) throws -> String {
            guard let dir = vocabulary.directory else { return v }
            // The one resolver every place that names a unit uses (ids, short names, unique parts).
            switch dir.resolveUnit(v) {
            case .found(let id): return id
            case .ambiguous(let ids): throw bad(ids.joined(separator: ", "))
            case .unknown: throw bad(dir.allUnits.map(\.id).joined(separator: ", "))
            }
        }

        func resolveAgency(_ v: String, _ bad: (String) -> FilterError) throws -> String {
            guard let dir = vocabulary.directory else { return v }
            if dir.agency(v) != nil { return v }
            let folded = TextSearch.fold(v)
            let hits = dir.agencies.filter { TextSearch.fold($0.name).contains(folded) || TextSearch.fold($0.id).hasPrefix(folded) }
            if hits.count == 1 { return hits[0].id }
            throw bad((hits.isEmpty ? dir.agencies : hits).map(\.id).joined(separator: ", "))
        }
    }

    static func comparison(_ v: String) -> (Comparison?, String) {
        for cmp in [Comparison.lessOrEqual, .greaterOrEqual, .lessThan, .greaterThan, .equal] where v.hasPrefix(cmp.rawValue) {
            return (cmp, String(v.dropFirst(cmp.rawValue.count)))
        }
        return (nil, v)
    }

    /// `>5d`, `<=2w`, `>3wd`, `7` (≥ 7 days). Units: d/h (hari) days, w/m (minggu) weeks, wd/hk working days.
    static func parseAge(_ v: String) -> (Comparison, Int, DayCounting)? {
        let (cmp, rest) = comparison(v)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits), n >= 0, n < 100_000 else { return nil }
        let unit = rest.dropFirst(digits.count).lowercased()
        switch unit {
        case "", "d", "h", "hari", "days", "day": return (cmp ?? .greaterOrEqual, n, .calendar)
        case "w", "m", "minggu", "weeks", "week": return (cmp ?? .greaterOrEqual, n * 7, .calendar)
        case "wd", "hk", "workdays", "workday": return (cmp ?? .greaterOrEqual, n, .working)
        default: return nil
        }
    }

    /// The closest known field name, for "did you mean".
    static func suggest(_ name: String) -> String? {
        var best: (String, Int)?
        for field in fields.keys where field.count > 1 {
            let d = editDistance(name, field)
            if d <= 2, best == nil || d < best!.1 || (d == best!.1 && field < best!.0) { best = (field, d) }
        }
        return best?.0
    }

    /// Edit distance where two swapped neighbours count as one edit ("lsit" is one step from "list").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
