import Testing
import AduanCore

struct TextSearchTests {
    @Test func foldLowercasesAndRemovesLatinDiacritics() {
        #expect(TextSearch.fold("JALAN Rusak") == "jalan rusak")
        #expect(TextSearch.fold("José Ñandú Çağrı Über") == "jose nandu cagrı uber")
        #expect(TextSearch.fold("Nguyễn Đức Thắng") == "nguyen đuc thang")
        #expect(TextSearch.fold("İstanbul") == "istanbul")
        #expect(TextSearch.fold("e\u{301}a\u{308}") == "ea")
        #expect(TextSearch.fold("ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ") == "aaaaaaaaaaaaeeeeeeeeiiiiiiiioooooooooouuuuuuuuyyy")
        #expect(TextSearch.fold("ĀāĂăĄąĆćČčĎďĒēĚěĞğĪīŁłŃńŇňŌōŘřŚśŠšŤťŪūŮůŹźŻżŽž") == "aaaaaaccccddeeeeggiiłłnnnnoorrssssttuuuuzzzzzz")
        #expect(TextSearch.fold("Ωμέγα ПРИВЕТ") == "ωμέγα привет")
        #expect(TextSearch.fold("a-b, c.") == "a-b, c.")
    }

    @Test func foldKeepsLettersFTS5KeepsAsTheyAre() {
        // FTS5 remove_diacritics 2 only strips letters that decompose; these stay distinct.
        #expect(TextSearch.fold("ß") == "ß")
        #expect(TextSearch.fold("Æ") == "æ")
        #expect(TextSearch.fold("Ø") == "ø")
        #expect(TextSearch.fold("Đ") == "đ")
        #expect(TextSearch.fold("Þ") == "þ")
    }

    @Test func tokensFollowFTS5Unicode61() {
        #expect(TextSearch.tokens("Jalan Jend. Sudirman, No.12 (RT 03/RW 05)") == ["jalan", "jend", "sudirman", "no", "12", "rt", "03", "rw", "05"])
        #expect(TextSearch.tokens("e-mail snake_case it's") == ["e", "mail", "snake", "case", "it", "s"])
        #expect(TextSearch.tokens("Café cafe\u{301}s") == ["cafe", "cafes"])
        #expect(TextSearch.tokens("日本語テキスト 한국어") == ["日本語テキスト", "한국어"])
        #expect(TextSearch.tokens("x² ½ ①") == ["x²", "½", "①"])
        #expect(TextSearch.tokens("") == [])
        #expect(TextSearch.tokens("!!! ... ---") == [])
        #expect(TextSearch.tokens("\u{1B}[2Jhapus") == ["2jhapus"])
    }

    @Test func tokensMatchFTS5OnItsOddCases() {
        // Checked against SQLite 3.40.1 FTS5: most combining marks separate tokens, emoji known
        // to Unicode 6.1 separate, newer scalars join, and Greek symbol forms case-fold.
        #expect(TextSearch.tokens("क्षि") == ["क", "ष"])
        #expect(TextSearch.tokens("x\u{305}y") == ["x", "y"])
        #expect(TextSearch.tokens("marah😀sekali") == ["marah", "sekali"])
        #expect(TextSearch.tokens("marah🤔sekali") == ["marah🤔sekali"])
        #expect(TextSearch.tokens("µς") == ["μσ"])
        #expect(TextSearch.tokens("\u{212B}ngstrom") == ["angstrom"])
    }

    @Test func queryParsesWordsAndPhrases() {
        let q = TextSearch.query("jalan \"lampu mati\" Bogor")
        #expect(q.terms == [["jalan"], ["lampu", "mati"], ["bogor"]])
        #expect(q.ftsExpression == "\"jalan\"* \"lampu mati\"* \"bogor\"*")
        #expect(TextSearch.query("“lampu mati”").terms == [["lampu", "mati"]])
        #expect(TextSearch.query("\"lampu mati").terms == [["lampu", "mati"]])
        #expect(TextSearch.query("e-mail").terms == [["e", "mail"]])
        #expect(TextSearch.query("JOSÉ").ftsExpression == "\"jose\"*")
        #expect(TextSearch.query("").isEmpty)
        #expect(TextSearch.query("  ").ftsExpression == "")
        #expect(TextSearch.query("\"\" *** ( ) - ^ : \"...\"").isEmpty)
        #expect(!TextSearch.query("a").isEmpty)
    }

    @Test func queryMatchesPrefixesOfTokens() {
        let text = "Lampu jalan mati di Jl. Sudirman, Kabupaten Bogor"
        #expect(TextSearch.query("lamp").matches(text))
        #expect(TextSearch.query("JALAN bogor").matches(text))
        #expect(TextSearch.query("kab sudir").matches(text))
        #expect(!TextSearch.query("ampu").matches(text))
        #expect(!TextSearch.query("jalan bandung").matches(text))
        #expect(TextSearch.query("jose").matches("Laporan dari José"))
        #expect(TextSearch.query("José").matches("Laporan dari Jose"))
        #expect(TextSearch.query("").matches(text))
        #expect(TextSearch.query("日本").matches("日本語テキスト"))
    }

    @Test func phrasesMatchConsecutiveTokens() {
        let text = "Lampu jalan mati di Jl. Sudirman"
        #expect(TextSearch.query("\"lampu jalan\"").matches(text))
        #expect(TextSearch.query("\"lampu jal\"").matches(text))
        #expect(!TextSearch.query("\"lamp jalan\"").matches(text))
        #expect(!TextSearch.query("\"jalan lampu\"").matches(text))
        #expect(!TextSearch.query("\"lampu mati\"").matches(text))
        #expect(TextSearch.query("jl.sudirman").matches(text))
        #expect(TextSearch.query("\"mati di jl sud\"").matches(text))
        #expect(TextSearch.query("\"lampu jalan\"").matches(tokens: TextSearch.tokens(text)))
    }

    @Test func fieldsMatchLikeFTS5Columns() {
        let fields = ["Lampu jalan", "mati total"]
        #expect(TextSearch.query("jalan mati").matches(fields: fields))
        #expect(TextSearch.query("\"lampu jalan\" tot").matches(fields: fields))
        #expect(!TextSearch.query("\"jalan mati\"").matches(fields: fields))
        #expect(TextSearch.query("\"jalan mati\"").matches(fields.joined(separator: "\n")))
        #expect(!TextSearch.query("bogor").matches(fields: fields))
        #expect(TextSearch.query("").matches(fields: []))
    }

    @Test func ftsExpressionQuotesWhateverTokensItIsGiven() {
        let query = TextQuery(terms: [["a\"b"], ["\"\u{301}x", "y*"], [], [""]])
        #expect(query.terms.count == 2)
        #expect(query.ftsExpression == "\"a\"\"b\"* \"\"\"\u{301}x y*\"*")
        #expect(Self.isWellFormed(query.ftsExpression))
    }

    @Test func ftsExpressionIsAlwaysWellFormed() {
        let pool = TextTestPool.all + [
            "\"", "\"", "*", "(", ")", "NEAR(", "NEAR/2", "AND", "OR", "NOT", "^", ":", "-", "+", "{", "}",
            "col:", "x*", "\"a\"\"b\"", "''", "\\", ",", ".", "ß", "Ø", "İ", " ",
        ]
        var random = TextTestRandom(seed: 0xF75)
        for _ in 0..<5000 {
            let input = random.text(from: pool, maxPieces: 14)
            let query = TextSearch.query(input)
            let expression = query.ftsExpression
            #expect(Self.isWellFormed(expression), "\(input.unicodeScalars.map(\.value)) -> \(expression)")
            #expect(query.isEmpty == expression.isEmpty)
            #expect(query.isEmpty == TextSearch.tokens(input).isEmpty)
            // Whatever the query, the text it was typed from satisfies it.
            #expect(query.matches(input))
        }
    }

    /// Accepts exactly: term (" " term)*, term = '"' (any but '"' | '""')+ '"' '*'.
    static func isWellFormed(_ expression: String) -> Bool {
        if expression.isEmpty { return true }
        var scalars = Array(expression.unicodeScalars)[...]
        while true {
            guard scalars.popFirst() == "\"" else { return false }
            var length = 0
            while true {
                guard let u = scalars.popFirst() else { return false }
                if u == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        length += 1
                        continue
                    }
                    break
                }
                if u.value < 0x20 { return false }
                length += 1
            }
            guard length > 0, scalars.popFirst() == "*" else { return false }
            if scalars.isEmpty { return true }
            guard scalars.popFirst() == " " else { return false }
        }
    }
}
