import Testing
import AduanCore

// The filter language as the operator types it: `FilterParser.parse(_:vocabulary:)`.
// Each test states one rule of the language; the expected trees are written out in full.

private func parse(_ input: String, _ vocabulary: FilterVocabulary = FilterVocabulary()) throws -> FilterExpression {
    try FilterParser.parse(input, vocabulary: vocabulary).get()
}

/// The error `input` gives, or nil when it parses.
private func error(_ input: String, _ vocabulary: FilterVocabulary = FilterVocabulary()) -> FilterError? {
    if case .failure(let e) = FilterParser.parse(input, vocabulary: vocabulary) { return e }
    return nil
}

private func term(_ t: FilterTerm) -> FilterExpression { .term(t) }

/// The search a text term runs, as TextSearch reads it: one list of tokens per term (a phrase has several).
private func searchTerms(_ e: FilterExpression) -> [[String]]? {
    guard case .term(.text(let raw)) = e else { return nil }
    return TextSearch.query(raw).terms
}

private let pemkab = Agency(id: "pemkab", name: "Pemerintah Kabupaten Sukamaju", units: [
    Unit(id: "dinkes", name: "Dinas Kesehatan"),
    Unit(id: "pupr", name: "Dinas Pekerjaan Umum dan Penataan Ruang"),
])
private let prov = Agency(id: "prov", name: "Pemerintah Provinsi Jawa Timur", units: [
    Unit(id: "prov-x", name: "Biro Pelayanan Publik"),
])
private let withDirectory = FilterVocabulary(directory: Directory(agencies: [pemkab, prov]))

// MARK: - Fields and their aliases

struct FilterParserFieldTests {
    @Test func emptyInputIsTheWholeScope() throws {
        #expect(try parse("") == .all)
    }

    @Test func blankInputIsTheWholeScope() throws {
        #expect(try parse("   \t ") == .all)
    }

    @Test func statusTakesOneValue() throws {
        #expect(try parse("status:proses") == term(.status([.proses])))
    }

    @Test func statusTakesSeveralCommaSeparatedValues() throws {
        #expect(try parse("status:bt,bd") == term(.status([.belumTerverifikasi, .belumDitindaklanjuti])))
    }

    @Test(arguments: [
        ("status:Belum-Terverifikasi", Status.belumTerverifikasi),
        ("status:belum_ditindaklanjuti", .belumDitindaklanjuti),
        ("status:SELESAI", .selesai),
        ("s:tunda", .tunda),
        ("STATUS:arsip", .arsip),
    ])
    func statusAcceptsLaporNamesCodesAndAnyCase(input: String, expected: Status) throws {
        #expect(try parse(input) == term(.status([expected])))
    }

    @Test(arguments: [
        ("unit:dinkes", FilterTerm.unit(["dinkes"])),
        ("u:dinkes", .unit(["dinkes"])),
        ("opd:dinkes,pupr", .unit(["dinkes", "pupr"])),
        ("agency:pemkab", .agency(["pemkab"])),
        ("instansi:pemkab,prov", .agency(["pemkab", "prov"])),
        ("cc:pupr", .copiedTo("pupr")),
        ("tembusan:pupr", .copiedTo("pupr")),
        ("category:infrastruktur", .category(Category("infrastruktur"))),
        ("kategori:Infrastruktur/Jalan", .category(Category("infrastruktur/jalan"))),
        ("cat:kesehatan", .category(Category("kesehatan"))),
        ("class:aspirasi", .classification([.aspirasi])),
        ("klasifikasi:pengaduan,informasi", .classification([.pengaduan, .permintaanInformasi])),
        ("jenis:wbs", .classification([.whistleblowing])),
        ("channel:sms", .channel([.sms1708])),
        ("kanal:web,twitter", .channel([.web, .twitter])),
        ("sumber:loket", .channel([.walkIn])),
        ("priority:high", .priority([.high])),
        ("prioritas:tinggi,rendah", .priority([.high, .low])),
        ("rating:<=2", .rating(.lessOrEqual, 2)),
        ("rating:>=4", .rating(.greaterOrEqual, 4)),
        ("nilai:<3", .rating(.lessThan, 3)),
        ("rating:>1", .rating(.greaterThan, 1)),
        ("rating:=5", .rating(.equal, 5)),
        ("rating:5", .rating(.equal, 5)),
        ("tracking:1234567", .trackingID("1234567")),
        ("lapor:0012345", .trackingID("0012345")),
        ("no:7654321", .trackingID("7654321")),
        ("id:42", .localID(42)),
        ("text:jalan", .text("jalan")),
        ("teks:lampu", .text("lampu")),
        ("is:overdue", .overdue),
        ("is:due-soon", .dueSoon),
        ("adalah:anonim", .anonymous),
        ("is:RAHASIA", .confidential),
    ])
    func fieldAndAliasGiveTheirTerm(input: String, expected: FilterTerm) throws {
        #expect(try parse(input) == term(expected))
    }

    @Test(arguments: [
        ("age:>5d", Comparison.greaterThan, 5, DayCounting.calendar),
        ("age:>=3h", .greaterOrEqual, 3, .calendar),
        ("age:<=10hari", .lessOrEqual, 10, .calendar),
        ("age:<2w", .lessThan, 14, .calendar),
        ("umur:<=1m", .lessOrEqual, 7, .calendar),
        ("usia:3minggu", .greaterOrEqual, 21, .calendar),
        ("age:=3wd", .equal, 3, .working),
        ("age:>2hk", .greaterThan, 2, .working),
        ("age:>=4HK", .greaterOrEqual, 4, .working),
        ("age:0d", .greaterOrEqual, 0, .calendar),
    ])
    func ageReadsComparatorNumberAndUnit(input: String, cmp: Comparison, days: Int, counting: DayCounting) throws {
        #expect(try parse(input) == term(.age(cmp, days, counting)))
    }

    @Test func ageWithoutComparatorMeansAtLeast() throws {
        #expect(try parse("age:7") == term(.age(.greaterOrEqual, 7, .calendar)))
    }

    @Test func ratingWithoutComparatorMeansExactly() throws {
        #expect(try parse("rating:3") == term(.rating(.equal, 3)))
    }

    @Test(arguments: [
        ("overdue", FilterTerm.overdue), ("terlambat", .overdue), ("OVERDUE", .overdue),
        ("due-soon", .dueSoon), ("segera", .dueSoon),
        ("anonim", .anonymous), ("anonymous", .anonymous),
        ("rahasia", .confidential), ("confidential", .confidential),
        ("pingpong", .pingPong), ("ping-pong", .pingPong),
        ("undecided", .privacyUndecided),
    ])
    func flagWordsAreConditions(input: String, expected: FilterTerm) throws {
        #expect(try parse(input) == term(expected))
    }

    @Test func categoryValueIsNormalisedToAPath() throws {
        #expect(try parse("kategori:\"Dana Desa/ Jalan\"") == term(.category(Category("dana-desa/jalan"))))
    }

    @Test func quotedFieldValueKeepsItsSpaces() throws {
        #expect(try parse("unit:\"Dinas Kesehatan\"") == term(.unit(["Dinas Kesehatan"])))
    }

    @Test func withoutDirectoryAnyUnitOrAgencyIdIsTakenAsWritten() throws {
        #expect(try parse("unit:kelurahan-7 agency:kemenkes") == .and([term(.unit(["kelurahan-7"])), term(.agency(["kemenkes"]))]))
    }
}

// MARK: - Combining conditions

struct FilterParserCombinationTests {
    private let statusProses = term(.status([.proses]))
    private let unitDinkes = term(.unit(["dinkes"]))
    private let overdue = term(.overdue)
    private let anonim = term(.anonymous)
    private let rahasia = term(.confidential)
    private let pingpong = term(.pingPong)

    @Test func termsSideBySideAreJoinedByAnd() throws {
        #expect(try parse("status:proses unit:dinkes overdue") == .and([statusProses, unitDinkes, overdue]))
    }

    @Test(arguments: ["AND", "DAN", "&", "&&"])
    func andKeywordIsTheSameAsSideBySide(keyword: String) throws {
        #expect(try parse("status:proses \(keyword) overdue") == .and([statusProses, overdue]))
    }

    @Test(arguments: ["OR", "ATAU", "|", "||"])
    func orKeywordMakesAlternatives(keyword: String) throws {
        #expect(try parse("anonim \(keyword) rahasia") == .or([anonim, rahasia]))
    }

    @Test(arguments: ["NOT overdue", "BUKAN overdue", "TIDAK overdue", "!overdue", "! overdue", "-overdue"])
    func notKeywordNegates(input: String) throws {
        #expect(try parse(input) == .not(overdue))
    }

    @Test func hyphenInsideAWordIsNotNegation() throws {
        #expect(try parse("e-ktp") == term(.text("e-ktp")))
    }

    @Test func notBindsTighterThanAnd() throws {
        #expect(try parse("NOT anonim rahasia") == .and([.not(anonim), rahasia]))
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try parse("anonim OR rahasia overdue") == .or([anonim, .and([rahasia, overdue])]))
    }

    @Test func orSplitsTwoAndGroups() throws {
        #expect(try parse("anonim AND rahasia OR overdue pingpong") == .or([.and([anonim, rahasia]), .and([overdue, pingpong])]))
    }

    @Test func notAppliesOnlyToTheNextConditionBeforeOr() throws {
        #expect(try parse("BUKAN anonim ATAU rahasia") == .or([.not(anonim), rahasia]))
    }

    @Test func parenthesesOverridePrecedence() throws {
        #expect(try parse("(anonim OR rahasia) overdue") == .and([.or([anonim, rahasia]), overdue]))
    }

    @Test func notBeforeParenthesesNegatesTheGroup() throws {
        #expect(try parse("NOT (anonim OR rahasia)") == .not(.or([anonim, rahasia])))
    }

    @Test func leadingHyphenNegatesAGroup() throws {
        #expect(try parse("-(anonim | rahasia)") == .not(.or([anonim, rahasia])))
    }

    @Test func nestedAndGroupsFlatten() throws {
        #expect(try parse("anonim (rahasia overdue)") == .and([anonim, rahasia, overdue]))
    }

    @Test func nestedOrGroupsFlatten() throws {
        #expect(try parse("anonim OR (rahasia OR overdue)") == .or([anonim, rahasia, overdue]))
    }

    @Test func redundantParenthesesDisappear() throws {
        #expect(try parse("((overdue))") == overdue)
    }

    @Test func doubleNegationCancels() throws {
        #expect(try parse("NOT NOT anonim") == anonim)
        #expect(try parse("BUKAN -anonim") == anonim)
    }

    @Test func indonesianKeywordsWork() throws {
        #expect(try parse("kategori:infrastruktur DAN BUKAN anonim") == .and([term(.category(Category("infrastruktur"))), .not(anonim)]))
    }

    @Test func lowerCaseDanIsASearchWord() throws {
        #expect(try parse("jalan dan jembatan") == term(.text("jalan dan jembatan")))
    }

    @Test func lowerCaseOrIsASearchWord() throws {
        #expect(try parse("lampu or jalan") == term(.text("lampu or jalan")))
    }

    @Test func lowerCaseNotIsASearchWord() throws {
        #expect(try parse("not anonim") == .and([term(.text("not")), anonim]))
    }
}

// MARK: - Search words

struct FilterParserTextTests {
    @Test func aPlainWordIsASearchWord() throws {
        #expect(try parse("jalan") == term(.text("jalan")))
    }

    @Test func adjacentSearchWordsBecomeOneTextTerm() throws {
        #expect(try parse("jalan rusak parah") == term(.text("jalan rusak parah")))
    }

    @Test func searchWordsAroundAFieldAreMergedIntoOneTextTerm() throws {
        #expect(try parse("jalan status:proses rusak") == .and([term(.text("jalan rusak")), term(.status([.proses]))]))
    }

    @Test func searchWordsInSeparateAlternativesStaySeparate() throws {
        #expect(try parse("jalan OR lampu") == .or([term(.text("jalan")), term(.text("lampu"))]))
    }

    @Test func quotedTextIsAPhrase() throws {
        #expect(searchTerms(try parse("\"jalan rusak\"")) == [["jalan", "rusak"]])
    }

    @Test func keywordsAndParenthesesInsideQuotesAreText() throws {
        #expect(searchTerms(try parse("\"jalan AND (rusak)\"")) == [["jalan", "and", "rusak"]])
    }

    @Test func aPhraseAndWordsFormOneTextTerm() throws {
        #expect(searchTerms(try parse("jalan \"rusak parah\" lampu")) == [["jalan"], ["rusak", "parah"], ["lampu"]])
    }

    @Test func textFieldWithAQuotedValueSearchesThePhrase() throws {
        // `text:"jalan rusak"` must find the phrase, exactly as `"jalan rusak"` does, not the two words apart.
        #expect(searchTerms(try parse("text:\"jalan rusak\"")) == [["jalan", "rusak"]])
    }

    @Test func aTimeOfDayIsText() throws {
        #expect(try parse("10:30") == term(.text("10:30")))
    }

    @Test func aWebAddressIsText() throws {
        #expect(try parse("http://x") == term(.text("http://x")))
    }

    @Test func aWordStartingWithAColonIsText() throws {
        #expect(try parse(":proses") == term(.text(":proses")))
    }

    @Test func requiredTextCollectsTheWordsEveryMatchMustContain() throws {
        #expect(try parse("jalan status:proses \"rusak parah\"").requiredText == "jalan \"rusak parah\"")
    }

    @Test func requiredTextIgnoresWordsUnderOrAndNot() throws {
        #expect(try parse("jalan OR lampu").requiredText == nil)
        #expect(try parse("NOT jalan").requiredText == nil)
    }
}

// MARK: - Errors

struct FilterParserErrorTests {
    @Test func unknownFieldSuggestsTheClosestField() {
        #expect(error("stauts:proses") == FilterError(column: 1, problem: .unknownField("stauts", suggestion: "status")))
    }

    @Test func unknownFieldSuggestionWorksForAliases() {
        #expect(error("kategory:jalan")?.problem == .unknownField("kategory", suggestion: "category"))
        #expect(error("prioritsa:high")?.problem == .unknownField("prioritsa", suggestion: "prioritas"))
    }

    @Test func unknownFieldFarFromAnyFieldHasNoSuggestion() {
        #expect(error("warna:merah") == FilterError(column: 1, problem: .unknownField("warna", suggestion: nil)))
    }

    @Test func unknownFieldColumnIsWhereTheTermStarts() {
        #expect(error("overdue  stauts:proses")?.column == 10)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(error("café stauts:proses")?.column == 6)
    }

    @Test(arguments: [
        ("status:xyz", "status", "xyz"),
        ("status:proses,xyz", "status", "proses,xyz"),
        ("class:keluhan", "class", "keluhan"),
        ("kanal:faks", "kanal", "faks"),
        ("priority:maksimal", "priority", "maksimal"),
        ("age:5y", "age", "5y"),
        ("age:>d", "age", ">d"),
        ("age:=>3", "age", "=>3"),
        ("rating:6", "rating", "6"),
        ("rating:0", "rating", "0"),
        ("nilai:bagus", "nilai", "bagus"),
        ("tracking:12a45", "tracking", "12a45"),
        ("id:0", "id", "0"),
        ("id:-4", "id", "-4"),
        ("id:abc", "id", "abc"),
        ("is:hijau", "is", "hijau"),
        ("kategori:/", "kategori", "/"),
    ])
    func badValueNamesFieldValueAndColumn(input: String, field: String, value: String) throws {
        let e = try #require(error("overdue " + input))
        #expect(e.column == 9)
        guard case .badValue(let f, let v, let expected) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        #expect(f == field)
        #expect(v == value)
        #expect(!expected.isEmpty)
    }

    @Test func badStatusListsEveryStatus() throws {
        let e = try #require(error("status:xyz"))
        guard case .badValue(_, _, let expected) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        for s in Status.allCases { #expect(expected.contains(s.rawValue)) }
    }

    @Test func badChannelListsEveryChannel() throws {
        let e = try #require(error("channel:faks"))
        guard case .badValue(_, _, let expected) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        for c in Channel.allCases { #expect(expected.contains(c.rawValue)) }
    }

    @Test func badIsValueListsTheFlags() throws {
        let e = try #require(error("is:hijau"))
        guard case .badValue(_, _, let expected) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        #expect(expected.contains("overdue"))
        #expect(expected.contains("due-soon"))
    }

    @Test(arguments: ["status:,", "unit:,", "kanal:,,"])
    func valueOfOnlyCommasIsRejected(input: String) {
        // A list with no values would silently match nothing.
        #expect(error(input)?.column == 1)
    }

    @Test(arguments: [("status:", "status"), ("unit:", "unit"), ("kanal:", "kanal"), ("age:", "age"), ("text:", "text")])
    func fieldWithoutValueIsMissingValue(input: String, field: String) {
        #expect(error("anonim " + input) == FilterError(column: 8, problem: .missingValue(field: field)))
    }

    @Test func unclosedParenthesisPointsAtTheOpening() {
        #expect(error("anonim (overdue") == FilterError(column: 8, problem: .unbalancedParenthesis))
    }

    @Test func unclosedOuterParenthesisPointsAtTheOuterOpening() {
        #expect(error("((overdue) anonim") == FilterError(column: 1, problem: .unbalancedParenthesis))
    }

    @Test func strayClosingParenthesisPointsAtItself() {
        #expect(error("overdue) anonim") == FilterError(column: 8, problem: .unbalancedParenthesis))
    }

    @Test func closingParenthesisFirstPointsAtItself() {
        #expect(error(") overdue") == FilterError(column: 1, problem: .unbalancedParenthesis))
    }

    @Test func unterminatedQuotePointsAtTheQuote() {
        #expect(error("jalan \"rusak parah") == FilterError(column: 7, problem: .unterminatedQuote))
    }

    @Test func unterminatedQuotedFieldValuePointsAtTheTerm() {
        #expect(error("anonim unit:\"Dinas Kesehatan") == FilterError(column: 8, problem: .unterminatedQuote))
    }

    @Test func emptyParenthesesAreAnEmptyGroup() {
        #expect(error("()") == FilterError(column: 1, problem: .emptyGroup))
        #expect(error("anonim ( )") == FilterError(column: 8, problem: .emptyGroup))
    }

    @Test(arguments: [
        ("overdue AND", 9, "AND"),
        ("overdue DAN", 9, "DAN"),
        ("overdue &", 9, "&"),
        ("overdue OR", 9, "OR"),
        ("overdue ATAU", 9, "ATAU"),
        ("overdue |", 9, "|"),
        ("NOT", 1, "NOT"),
        ("anonim BUKAN", 8, "BUKAN"),
        ("AND overdue", 1, "AND"),
        ("OR overdue", 1, "OR"),
        ("overdue AND OR anonim", 9, "AND"),
        ("overdue OR OR anonim", 12, "OR"),
        ("(overdue OR) anonim", 10, "OR"),
        ("(overdue AND) anonim", 10, "AND"),
        ("(overdue NOT) anonim", 10, "NOT"),
        ("(anonim -) overdue", 9, "-"),
    ])
    func operatorWithoutConditionIsDangling(input: String, column: Int, op: String) {
        #expect(error(input) == FilterError(column: column, problem: .dangling(op)))
    }
}

// MARK: - Names checked against the directory

struct FilterParserVocabularyTests {
    @Test func unitByIdIsKept() throws {
        #expect(try parse("unit:dinkes", withDirectory) == term(.unit(["dinkes"])))
    }

    @Test(arguments: [
        ("unit:kesehatan", "dinkes"),
        ("unit:\"dinas kesehatan\"", "dinkes"),
        ("unit:KESEHATAN", "dinkes"),
        ("opd:biro", "prov-x"),
        ("u:penataan", "pupr"),
        ("unit:DINKES", "dinkes"),
        ("unit:prov", "prov-x"),
    ])
    func unitByAUniquePartOfItsNameOrIdResolvesToTheId(input: String, id: String) throws {
        #expect(try parse(input, withDirectory) == term(.unit([id])))
    }

    @Test func severalUnitsResolveEachOnItsOwn() throws {
        #expect(try parse("unit:kesehatan,pupr", withDirectory) == term(.unit(["dinkes", "pupr"])))
    }

    @Test func ambiguousUnitNameIsABadValueListingTheCandidates() throws {
        let e = try #require(error("overdue unit:dinas", withDirectory))
        #expect(e.column == 9)
        guard case .badValue(let f, let v, let expected) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        #expect(f == "unit")
        #expect(v == "dinas")
        #expect(expected.contains("dinkes"))
        #expect(expected.contains("pupr"))
        #expect(!expected.contains("prov-x"))
    }

    @Test func unknownUnitIsABadValue() throws {
        let e = try #require(error("unit:kelurahan", withDirectory))
        guard case .badValue(let f, let v, _) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        #expect(f == "unit")
        #expect(v == "kelurahan")
    }

    @Test func copiedToResolvesByName() throws {
        #expect(try parse("tembusan:kesehatan", withDirectory) == term(.copiedTo("dinkes")))
    }

    @Test func unknownCopiedToUnitIsABadValue() throws {
        let e = try #require(error("cc:xyz", withDirectory))
        guard case .badValue(let f, _, _) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        #expect(f == "cc")
    }

    @Test func agencyByIdIsKept() throws {
        #expect(try parse("agency:pemkab", withDirectory) == term(.agency(["pemkab"])))
    }

    @Test func agencyByAUniquePartOfItsNameResolvesToTheId() throws {
        #expect(try parse("instansi:provinsi", withDirectory) == term(.agency(["prov"])))
        #expect(try parse("instansi:sukamaju", withDirectory) == term(.agency(["pemkab"])))
    }

    @Test func ambiguousAgencyNameIsABadValue() throws {
        let e = try #require(error("agency:pemerintah", withDirectory))
        guard case .badValue(let f, let v, let expected) = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
        #expect(f == "agency")
        #expect(v == "pemerintah")
        #expect(expected.contains("pemkab") && expected.contains("prov"))
    }

    @Test func unknownAgencyIsABadValue() throws {
        let e = try #require(error("agency:kemenkes", withDirectory))
        guard case .badValue = e.problem else {
            Issue.record("expected a bad value, got \(e.problem)")
            return
        }
    }
}

// MARK: - The sentences the operator reads

struct FilterErrorMessageTests {
    static let problems: [FilterError.Problem] = [
        .unknownField("stauts", suggestion: "status"),
        .unknownField("warna", suggestion: nil),
        .badValue(field: "status", value: "xyz", expected: "proses, selesai"),
        .missingValue(field: "unit"),
        .unbalancedParenthesis,
        .unexpected("?"),
        .unterminatedQuote,
        .emptyGroup,
        .dangling("AND"),
        .dangling(""),
    ]

    @Test(arguments: problems)
    func indonesianMessageGivesTheColumn(problem: FilterError.Problem) {
        let message = IndonesianStrings().filterError(FilterError(column: 17, problem: problem))
        #expect(message.contains("posisi 17"))
    }

    @Test(arguments: problems)
    func englishMessageGivesTheColumn(problem: FilterError.Problem) {
        let message = EnglishStrings().filterError(FilterError(column: 17, problem: problem))
        #expect(message.contains("column 17"))
    }

    @Test func indonesianMessageOffersTheSuggestion() throws {
        let e = try #require(error("overdue stauts:proses"))
        let message = IndonesianStrings().filterError(e)
        #expect(message.contains("posisi 9"))
        #expect(message.contains("stauts"))
        #expect(message.contains("\"status:\""))
    }

    @Test func englishMessageOffersTheSuggestion() throws {
        let e = try #require(error("overdue stauts:proses"))
        let message = EnglishStrings().filterError(e)
        #expect(message.contains("column 9"))
        #expect(message.contains("did you mean \"status:\""))
    }

    @Test func badValueMessageSaysWhatIsExpected() throws {
        let e = try #require(error("rating:9"))
        #expect(EnglishStrings().filterError(e).contains("1–5"))
        #expect(IndonesianStrings().filterError(e).contains("1–5"))
    }
}

// MARK: - Hostile filters: bounded depth and work

struct FilterParserLimitTests {
    @Test func nestingDeeperThanTheLimitIsRefusedNamingTheLimit() throws {
        let input = String(repeating: "(", count: FilterParser.maxDepth + 1) + "anonim" + String(repeating: ")", count: FilterParser.maxDepth + 1)
        let e = try #require(error(input))
        #expect(e.problem == .tooDeep(limit: FilterParser.maxDepth))
        #expect(EnglishStrings().filterError(e).contains("\(FilterParser.maxDepth)"))
        #expect(IndonesianStrings().filterError(e).contains("\(FilterParser.maxDepth)"))
    }

    @Test func nestingAtTheLimitStillParses() throws {
        let input = String(repeating: "(", count: FilterParser.maxDepth) + "anonim" + String(repeating: ")", count: FilterParser.maxDepth)
        #expect(try parse(input) == term(.anonymous))
    }

    @Test func aLongChainOfNotIsRefusedAsTooDeep() throws {
        let e = try #require(error(String(repeating: "NOT ", count: 500) + "anonim"))
        #expect(e.problem == .tooDeep(limit: FilterParser.maxDepth))
        let bang = try #require(error(String(repeating: "!", count: 100_0) + "anonim"))
        #expect(bang.problem == .tooDeep(limit: FilterParser.maxDepth))
    }

    @Test func fortyThousandOpeningParenthesesAreAnErrorNotACrash() throws {
        let e = try #require(error(String(repeating: "(", count: 40_000)))
        #expect([.tooDeep(limit: FilterParser.maxDepth), .tooLong(limit: FilterParser.maxLength)].contains(e.problem))
    }

    @Test func aFilterLongerThanTheLimitIsRefusedNamingTheLimit() throws {
        let e = try #require(error(String(repeating: "a", count: FilterParser.maxLength + 1)))
        #expect(e.problem == .tooLong(limit: FilterParser.maxLength))
        #expect(EnglishStrings().filterError(e).contains(NumberFormat.grouped(FilterParser.maxLength, .en)))
        #expect(IndonesianStrings().filterError(e).contains(NumberFormat.grouped(FilterParser.maxLength, .id)))
    }

    @Test func aTwentyThousandWordPhraseIsRefusedQuickly() throws {
        let phrase = "\"" + Array(repeating: "jalan", count: 20_000).joined(separator: " ") + "\""
        let start = ContinuousClock.now
        let e = try #require(error(phrase))
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(e.problem == .tooLong(limit: FilterParser.maxLength))
    }

    @Test func tooManySearchWordsAreRefusedNamingTheLimit() throws {
        let words = Array(repeating: "ab", count: FilterParser.maxSearchWords + 1)
        let e = try #require(error("\"" + words.joined(separator: " ") + "\""))
        #expect(e.problem == .tooManyWords(limit: FilterParser.maxSearchWords))
        #expect(EnglishStrings().filterError(e).contains("\(FilterParser.maxSearchWords)"))
        #expect(IndonesianStrings().filterError(e).contains("\(FilterParser.maxSearchWords)"))
        // Unquoted words count too.
        #expect(error(words.joined(separator: " "))?.problem == .tooManyWords(limit: FilterParser.maxSearchWords))
        #expect(try parse(Array(repeating: "ab", count: FilterParser.maxSearchWords).joined(separator: " ")) != .all)
    }

    @Test func tooManyConditionsAreRefusedNamingTheLimit() throws {
        let input = Array(repeating: "anonim", count: FilterParser.maxTerms + 1).joined(separator: " OR ")
        let e = try #require(error(input))
        #expect(e.problem == .tooManyTerms(limit: FilterParser.maxTerms))
        #expect(EnglishStrings().filterError(e).contains("\(FilterParser.maxTerms)"))
        #expect(IndonesianStrings().filterError(e).contains("\(FilterParser.maxTerms)"))
    }

    @Test func anErrorQuotesOnlyAnExcerptOfAHugeValue() throws {
        let e = try #require(error("status:" + String(repeating: "x", count: 3_000)))
        #expect(EnglishStrings().filterError(e).utf8.count < 600)
        #expect(IndonesianStrings().filterError(e).utf8.count < 600)
    }

    @Test func searchTextTypedAsItIsHasTheSameBounds() {
        #expect(FilterParser.searchBoundsError("jalan rusak") == nil)
        let many = Array(repeating: "ab", count: FilterParser.maxSearchWords + 1).joined(separator: " ")
        #expect(FilterParser.searchBoundsError(many)?.problem == .tooManyWords(limit: FilterParser.maxSearchWords))
        let long = String(repeating: "x", count: FilterParser.maxLength + 1)
        #expect(FilterParser.searchBoundsError(long)?.problem == .tooLong(limit: FilterParser.maxLength))
    }
}
