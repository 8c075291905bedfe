import Testing
import AduanCore

// What a parsed filter selects: `FilterExpression.matches(_:_:)` on reports made the only way
// reports are made, by folding events that `Workflow.decide` accepted.
// Times are WIB (Asia/Jakarta) on the built-in calendar. June 2026: Mon 8 … Fri 12 is an
// ordinary week; Tue 16 is a national holiday (1 Muharam).

/// The shared test office, as this file calls it.
private typealias Desk = TestOffice

private extension TestOffice {
    static let vocabulary = FilterVocabulary(directory: directory)

    static func admin(of agency: String) -> Actor { agency == "prov" ? adminProv : adminPemkab }

    static func liaison(of unit: String) -> Actor {
        switch unit {
        case "dinkes": liaisonDinkes
        case "pupr": liaisonPupr
        default: liaisonProvX
        }
    }
}

/// A local WIB wall-clock time.
private func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9, _ minute: Int = 0, _ second: Int = 0) -> Timestamp {
    OfficeTimeZone.wib.timestamp(LocalDate(year: year, month: month, day: day), hour: hour, minute: minute, second: second)
}

/// One report's history, built through `Workflow.decide` and folded with `Workflow.evolve`.
private struct Report {
    private(set) var complaint: Complaint

    init(id: Int64 = 1, _ intake: Intake, by actor: Actor = Desk.adminPemkab, at time: Timestamp) throws {
        let event = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: actor, at: time,
                                        context: Desk.workflow, newID: id).get()
        complaint = Workflow.evolve(nil, event)
    }

    init(id: Int64 = 1, title: String = "Laporan warga", body: String = "", category: String = "lainnya",
         anonymous: Bool = false, at time: Timestamp) throws {
        try self.init(id: id, Intake(title: title, body: body, category: Category(category), anonymous: anonymous), at: time)
    }

    /// Applies an action; throws the refusal if the workflow does not accept it.
    @discardableResult
    mutating func apply(_ kind: ActionKind, _ details: ActionDetails = ActionDetails(), by actor: Actor,
                        at time: Timestamp) throws -> Complaint {
        let event = try Workflow.decide(Command(kind, details), on: complaint, by: actor, at: time, context: Desk.workflow).get()
        complaint = Workflow.evolve(complaint, event)
        return complaint
    }

    /// Verified and disposed to `unit` of the receiving agency.
    mutating func verify(to unit: String, _ changes: ClassificationChange? = nil, at time: Timestamp) throws {
        try apply(.verify, ActionDetails(unit: unit, changes: changes), by: Desk.adminPemkab, at: time)
    }
}

private func context(at now: Timestamp) -> FilterContext {
    FilterContext(now: now, calendar: .standard, deadlines: .standard)
}

/// Does `filter` (parsed against the directory) select `c` at `now`?
private func select(_ filter: String, _ c: Complaint, now: Timestamp = wib(2026, 6, 8, 17)) throws -> Bool {
    try FilterParser.parse(filter, vocabulary: Desk.vocabulary).get().matches(c, context(at: now))
}

// MARK: - Where the report is

struct FilterWhereTests {
    @Test func emptyFilterSelectsEverything() throws {
        let c = try Report(at: wib(2026, 6, 8)).complaint
        #expect(FilterExpression.all.matches(c, context(at: wib(2026, 6, 8, 10))))
    }

    @Test func statusListSelectsAnyOfItsStatuses() throws {
        var r = try Report(at: wib(2026, 6, 8))
        #expect(try select("status:bt,bd", r.complaint))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        #expect(try select("status:bt,bd", r.complaint))
        try r.apply(.followUp, ActionDetails(text: "Sedang kami cek."), by: Desk.liaisonDinkes, at: wib(2026, 6, 8, 11))
        #expect(try !select("status:bt,bd", r.complaint))
        #expect(try select("status:proses", r.complaint))
    }

    @Test func unitSelectsTheHoldingUnit() throws {
        var r = try Report(at: wib(2026, 6, 8))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        #expect(try select("unit:dinkes", r.complaint))
        #expect(try !select("unit:pupr", r.complaint))
        #expect(try select("unit:pupr,dinkes", r.complaint))
    }

    @Test func unverifiedReportHasNoUnit() throws {
        let c = try Report(at: wib(2026, 6, 8)).complaint
        #expect(try !select("unit:dinkes", c))
        #expect(try select("NOT unit:dinkes", c))
        #expect(try select("agency:pemkab", c))
    }

    @Test func copiedUnitIsSelectedByCcNotByUnit() throws {
        var r = try Report(at: wib(2026, 6, 8))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        try r.apply(.cc, ActionDetails(unit: "pupr"), by: Desk.adminPemkab, at: wib(2026, 6, 8, 11))
        #expect(try select("cc:pupr", r.complaint))
        #expect(try !select("unit:pupr", r.complaint))
        #expect(try !select("cc:dinkes", r.complaint))
        #expect(try select("unit:pupr OR cc:pupr", r.complaint))
    }

    @Test func forwardMovesTheReportToTheNewAgencyAndUnit() throws {
        var r = try Report(at: wib(2026, 6, 8))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        try r.apply(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Jalan provinsi"),
                    by: Desk.liaisonDinkes, at: wib(2026, 6, 8, 11))
        #expect(try select("agency:prov unit:prov-x", r.complaint))
        #expect(try !select("unit:dinkes", r.complaint))
        #expect(try !select("agency:pemkab", r.complaint))
    }

    @Test func pingPongSelectsAReportThatCameBackToAnAgencyThatPassedItOn() throws {
        var r = try Report(at: wib(2026, 6, 8))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        try r.apply(.forward, ActionDetails(agency: "prov", unit: "prov-x", reason: "Jalan provinsi"),
                    by: Desk.liaisonDinkes, at: wib(2026, 6, 8, 11))
        #expect(try !select("pingpong", r.complaint))
        try r.apply(.forward, ActionDetails(agency: "pemkab", unit: "pupr", reason: "Jalan kabupaten"),
                    by: Desk.liaisonProvX, at: wib(2026, 6, 8, 12))
        #expect(try select("pingpong", r.complaint))
    }
}

// MARK: - What the report is

struct FilterWhatTests {
    @Test(arguments: [
        ("infrastruktur/jalan", "kategori:infrastruktur", true),
        ("infrastruktur", "kategori:infrastruktur", true),
        ("infrastrukturx", "kategori:infrastruktur", false),
        ("kesehatan/infrastruktur", "kategori:infrastruktur", false),
        ("infrastruktur/jalan/desa", "kategori:infrastruktur/jalan", true),
        ("infrastruktur", "kategori:infrastruktur/jalan", false),
        ("infrastruktur/jalanan", "kategori:infrastruktur/jalan", false),
        ("Infrastruktur/Jalan", "category:INFRASTRUKTUR", true),
    ])
    func categoryIncludesItsSubcategoriesOnly(category: String, filter: String, expected: Bool) throws {
        let c = try Report(category: category, at: wib(2026, 6, 8)).complaint
        #expect(try select(filter, c) == expected)
    }

    @Test func classificationChannelAndPrioritySelectTheirValues() throws {
        let c = try Report(Intake(title: "Usul taman", body: "", channel: .sms1708, classification: .aspirasi, priority: .high),
                           at: wib(2026, 6, 8)).complaint
        #expect(try select("class:aspirasi kanal:sms prioritas:tinggi", c))
        #expect(try !select("class:pengaduan", c))
        #expect(try !select("kanal:web,twitter", c))
        #expect(try !select("priority:low,normal", c))
    }

    @Test func privacyIsUndecidedUntilAnAdminSetsTheFlags() throws {
        var r = try Report(anonymous: true, at: wib(2026, 6, 8))
        #expect(try select("undecided anonim", r.complaint))
        try r.verify(to: "dinkes", ClassificationChange(anonymous: true, confidential: true), at: wib(2026, 6, 8, 10))
        #expect(try !select("undecided", r.complaint))
        #expect(try select("anonim rahasia", r.complaint))
    }

    @Test func ratingComparesTheReportersRating() throws {
        var r = try Report(at: wib(2026, 6, 8))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        try r.apply(.followUp, ActionDetails(text: "Sudah diperbaiki."), by: Desk.liaisonDinkes, at: wib(2026, 6, 8, 11))
        try r.apply(.rate, ActionDetails(rating: 2), by: Desk.adminPemkab, at: wib(2026, 6, 8, 12))
        #expect(try select("rating:<=2", r.complaint))
        #expect(try select("rating:2", r.complaint))
        #expect(try !select("rating:>2", r.complaint))
    }

    @Test func unratedReportMatchesNoRatingCondition() throws {
        let c = try Report(at: wib(2026, 6, 8)).complaint
        for filter in ["rating:<=2", "rating:>=1", "rating:=3", "rating:<5"] {
            #expect(try !select(filter, c), "\(filter)")
        }
        #expect(try select("NOT rating:<=2", c))
    }

    @Test func trackingIdMatchesTheWholeNumber() throws {
        let c = try Report(Intake(trackingID: "1234567", title: "Pungli", body: ""), at: wib(2026, 6, 8)).complaint
        #expect(try select("tracking:1234567", c))
        #expect(try !select("tracking:1234", c))
    }

    @Test func localIdMatchesTheReport() throws {
        let c = try Report(id: 7, at: wib(2026, 6, 8)).complaint
        #expect(try select("id:7", c))
        #expect(try !select("id:8", c))
    }
}

// MARK: - Deadlines

struct FilterDeadlineTests {
    /// Received Monday 8 June 09:00; verification is due Thursday 11 June 23:59:59 (3 working days).
    private func receivedMonday() throws -> Complaint { try Report(at: wib(2026, 6, 8, 9)).complaint }

    @Test func reportWellBeforeItsDeadlineIsNeitherOverdueNorDueSoon() throws {
        let c = try receivedMonday()
        #expect(try !select("overdue", c, now: wib(2026, 6, 9, 23, 59, 59)))
        #expect(try !select("due-soon", c, now: wib(2026, 6, 9, 23, 59, 59)))
    }

    @Test func reportIsDueSoonFromTheWorkingDayBeforeTheDeadline() throws {
        let c = try receivedMonday()
        #expect(try select("due-soon", c, now: wib(2026, 6, 10, 0, 0, 0)))
        #expect(try !select("overdue", c, now: wib(2026, 6, 10, 0, 0, 0)))
    }

    @Test func reportIsDueSoonUntilTheLastSecondOfTheDueDay() throws {
        let c = try receivedMonday()
        #expect(try select("due-soon", c, now: wib(2026, 6, 11, 23, 59, 59)))
        #expect(try !select("overdue", c, now: wib(2026, 6, 11, 23, 59, 59)))
    }

    @Test func reportIsOverdueFromTheFirstSecondAfterTheDueDay() throws {
        let c = try receivedMonday()
        #expect(try select("overdue", c, now: wib(2026, 6, 12, 0, 0, 0)))
        #expect(try !select("due-soon", c, now: wib(2026, 6, 12, 0, 0, 0)))
    }

    @Test func dueSoonWindowCountsWorkingDaysAcrossTheWeekend() throws {
        // Received Wednesday: due Monday 15 June. On Friday the next working day is Monday.
        let c = try Report(at: wib(2026, 6, 10, 9)).complaint
        #expect(try select("due-soon", c, now: wib(2026, 6, 12, 10)))
    }

    @Test func nationalHolidayIsNotAWorkingDay() throws {
        // Received Monday 15 June; Tuesday 16 June is 1 Muharam, so verification is due Friday 19 June.
        let c = try Report(at: wib(2026, 6, 15, 9)).complaint
        #expect(try !select("overdue", c, now: wib(2026, 6, 19, 10)))
        #expect(try select("overdue", c, now: wib(2026, 6, 20, 0)))
    }

    @Test func dispositionStartsTheFirstFollowUpClock() throws {
        // Verified Monday 8 June: five working days run to Monday 15 June 23:59:59.
        var r = try Report(at: wib(2026, 6, 8, 9))
        try r.verify(to: "dinkes", at: wib(2026, 6, 8, 10))
        #expect(try !select("overdue", r.complaint, now: wib(2026, 6, 12, 10)))
        #expect(try select("due-soon", r.complaint, now: wib(2026, 6, 12, 10)))
        #expect(try select("overdue", r.complaint, now: wib(2026, 6, 16, 0)))
    }

    @Test func postponedReportIsNeverOverdue() throws {
        var r = try Report(at: wib(2026, 6, 8, 9))
        try r.apply(.postpone, ActionDetails(reason: "Menunggu klarifikasi pelapor"), by: Desk.adminPemkab, at: wib(2026, 6, 8, 10))
        #expect(try !select("overdue OR due-soon", r.complaint, now: wib(2026, 8, 3, 10)))
    }

    @Test func archivedReportIsNeverOverdue() throws {
        var r = try Report(at: wib(2026, 6, 8, 9))
        try r.apply(.archive, ActionDetails(archiveReason: .spam), by: Desk.adminPemkab, at: wib(2026, 6, 8, 10))
        #expect(try !select("overdue OR due-soon", r.complaint, now: wib(2026, 8, 3, 10)))
    }
}

// MARK: - Age

struct FilterAgeTests {
    /// Received Monday 8 June 09:00 and read Thursday 11 June 08:00: three calendar days old, although under 72 hours.
    @Test(arguments: [
        ("age:>=3d", true), ("age:>3d", false), ("age:=3d", true), ("age:<=3d", true), ("age:<3d", false),
        ("age:>2d", true), ("age:<4d", true), ("age:3", true), ("age:4", false), ("age:=2d", false),
    ])
    func ageInCalendarDaysAtExactlyThreeDays(filter: String, expected: Bool) throws {
        let c = try Report(at: wib(2026, 6, 8, 9)).complaint
        #expect(try select(filter, c, now: wib(2026, 6, 11, 8)) == expected)
    }

    @Test func ageCountsDaysInTheOfficeZone() throws {
        // 06:00 WIB on Tuesday is still Monday in UTC; the office counts from Tuesday.
        let c = try Report(at: wib(2026, 6, 9, 6)).complaint
        #expect(try select("age:=3d", c, now: wib(2026, 6, 12, 10)))
        #expect(try !select("age:=4d", c, now: wib(2026, 6, 12, 10)))
    }

    @Test func lastSecondOfADayCountsAsThatDay() throws {
        let c = try Report(at: wib(2026, 6, 8, 23, 59, 59)).complaint
        #expect(try select("age:>=3d", c, now: wib(2026, 6, 11, 0, 0, 0)))
    }

    @Test func firstSecondOfADayCountsAsThatDay() throws {
        let c = try Report(at: wib(2026, 6, 9, 0, 0, 0)).complaint
        #expect(try !select("age:>=3d", c, now: wib(2026, 6, 11, 23, 59, 59)))
        #expect(try select("age:=2d", c, now: wib(2026, 6, 11, 23, 59, 59)))
    }

    @Test func reportReceivedTodayIsZeroDaysOld() throws {
        let c = try Report(at: wib(2026, 6, 8, 9)).complaint
        let now = wib(2026, 6, 8, 17)
        #expect(try select("age:=0d", c, now: now))
        #expect(try select("age:=0hk", c, now: now))
        #expect(try select("age:<1d", c, now: now))
        #expect(try !select("age:>=1d", c, now: now))
        #expect(try !select("age:>=1hk", c, now: now))
    }

    @Test func weekIsSevenCalendarDays() throws {
        let c = try Report(at: wib(2026, 6, 8, 9)).complaint
        #expect(try select("age:1w", c, now: wib(2026, 6, 15, 8)))
        #expect(try !select("age:1w", c, now: wib(2026, 6, 14, 23)))
        #expect(try select("age:>=1m", c, now: wib(2026, 6, 15, 8)))
    }

    /// Received Friday 12 June, read Monday 15 June: one working day old, three calendar days.
    @Test(arguments: [
        ("age:>=1hk", true), ("age:>1hk", false), ("age:=1wd", true), ("age:<2wd", true), ("age:>=2hk", false),
        ("age:=3d", true),
    ])
    func ageInWorkingDaysSkipsTheWeekend(filter: String, expected: Bool) throws {
        let c = try Report(at: wib(2026, 6, 12, 9)).complaint
        #expect(try select(filter, c, now: wib(2026, 6, 15, 10)) == expected)
    }

    /// Received Tuesday 17 March 2026; 18–24 March are Nyepi, Idulfitri and cuti bersama. Read Wednesday 25 March.
    @Test(arguments: [("age:=1hk", true), ("age:>=2hk", false), ("age:=8d", true)])
    func ageInWorkingDaysSkipsHolidaysAndCollectiveLeave(filter: String, expected: Bool) throws {
        let c = try Report(at: wib(2026, 3, 17, 10)).complaint
        #expect(try select(filter, c, now: wib(2026, 3, 25, 10)) == expected)
    }
}

// MARK: - Search words

struct FilterTextTests {
    private func report() throws -> Complaint {
        try Report(title: "Jalan berlubang di Desa Sukamaju",
                   body: "Lampu penerangan mati sejak dua minggu. Jalan rusak parah di depan Puskesmas Kafé Melati.",
                   at: wib(2026, 6, 8)).complaint
    }

    @Test(arguments: [
        ("jal", true), ("JALAN", true), ("berlub", true), ("lubang", false), ("puskes", true),
        ("kafe", true), ("kafé", true), ("text:melati", true), ("banjir", false),
    ])
    func searchWordMatchesTheStartOfAWordInTitleOrBody(filter: String, expected: Bool) throws {
        #expect(try select(filter, report()) == expected)
    }

    @Test func everySearchWordMustMatch() throws {
        #expect(try select("jalan lampu", report()))
        #expect(try !select("jalan banjir", report()))
    }

    @Test func searchWordsMayMatchDifferentFields() throws {
        let c = try Report(title: "Laporan jalan", body: "Lampu mati", at: wib(2026, 6, 8)).complaint
        #expect(try select("jalan lampu", c))
    }

    @Test(arguments: [
        ("\"jalan rusak\"", true), ("\"rusak jalan\"", false), ("\"jalan rus\"", true), ("\"jal rusak\"", false),
        ("\"penerangan mati sejak\"", true),
    ])
    func phraseMatchesConsecutiveWordsTheLastByPrefix(filter: String, expected: Bool) throws {
        #expect(try select(filter, report()) == expected)
    }

    @Test func phraseDoesNotSpanTitleAndBody() throws {
        let c = try Report(title: "Laporan jalan", body: "rusak di desa", at: wib(2026, 6, 8)).complaint
        #expect(try !select("\"jalan rusak\"", c))
        #expect(try select("jalan rusak", c))
    }

    @Test func lowerCaseDanMustAppearAsAWord() throws {
        let without = try Report(title: "Jalan jembatan", at: wib(2026, 6, 8)).complaint
        let with = try Report(title: "Jalan dan jembatan", at: wib(2026, 6, 8)).complaint
        #expect(try !select("jalan dan jembatan", without))
        #expect(try select("jalan dan jembatan", with))
    }
}

// MARK: - NOT, OR and their mixtures

struct FilterLogicTests {
    /// Held by dinkes, copied to pupr, anonymous, in Proses.
    private func report() throws -> Complaint {
        var r = try Report(title: "Jalan rusak", category: "infrastruktur/jalan", anonymous: true, at: wib(2026, 6, 8, 9))
        try r.verify(to: "dinkes", ClassificationChange(anonymous: true), at: wib(2026, 6, 8, 10))
        try r.apply(.cc, ActionDetails(unit: "pupr"), by: Desk.adminPemkab, at: wib(2026, 6, 8, 11))
        try r.apply(.followUp, ActionDetails(text: "Ditinjau."), by: Desk.liaisonDinkes, at: wib(2026, 6, 8, 12))
        return r.complaint
    }

    @Test(arguments: [
        ("NOT anonim", false),
        ("-anonim", false),
        ("BUKAN rahasia", true),
        ("anonim OR rahasia", true),
        ("NOT (anonim OR rahasia)", false),
        ("NOT anonim OR rahasia", false),
        ("NOT anonim OR unit:dinkes", true),
        ("unit:pupr OR cc:pupr", true),
        ("status:proses (rahasia OR kategori:infrastruktur)", true),
        ("status:proses rahasia OR kategori:kesehatan", false),
        ("status:selesai OR jalan", true),
        ("status:selesai OR (jalan banjir)", false),
        ("!(unit:pupr) !cc:dinkes", true),
        ("NOT NOT anonim", true),
    ])
    func combinationsFollowBooleanLogic(filter: String, expected: Bool) throws {
        #expect(try select(filter, report()) == expected)
    }
}

// MARK: - Property: the matcher agrees with a plain evaluator

/// SplitMix64: the same seed gives the same filters and reports, so a failure reproduces.
private struct FilterRandom: RandomNumberGenerator {
    private var base: SplitMix64
    init(seed: UInt64) { base = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { base.next() }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
    mutating func subset<T>(_ items: [T]) -> [T] {
        let chosen = items.filter { _ in chance(40) }
        return chosen.isEmpty ? [pick(items)] : chosen
    }
}

/// The filter as the generator knows it, before it is written out as text.
private indirect enum Spec {
    case status([Status]), unit([String]), agency([String]), cc(String), category(String)
    case classification([Classification]), channel([Channel]), priority([Priority])
    case anonymous, confidential, pingPong, undecided
    case rating(String, Int), tracking(String), id(Int64), word(String)
    case and([Spec]), or([Spec]), not(Spec)
}

private enum Grammar {
    static let units = ["dinkes", "pupr", "prov-x"]
    static let agencies = ["pemkab", "prov"]
    static let reportCategories = ["infrastruktur", "infrastruktur/jalan", "infrastruktur/jembatan", "infrastrukturx",
                                   "kesehatan", "kesehatan/puskesmas", "pendidikan"]
    static let filterCategories = ["infrastruktur", "infrastruktur/jalan", "kesehatan", "infrastrukturx", "pendidikan/sd"]
    static let reportWords = ["jalan", "jalanan", "jembatan", "rusak", "lampu", "mati", "puskesmas", "sekolah", "dan",
                              "or", "banjir", "sampah", "air", "Jalan", "Rusak"]
    static let searchWords = ["jalan", "jal", "jalanan", "rusak", "lampu", "puskes", "sekolah", "dan", "or", "banjir",
                              "air", "sam", "jembatan"]
    static let trackingIDs: [String?] = [nil, "1234567", "7654321"]
    static let reportCount = 40

    static let statusNames: [Status: [String]] = [
        .belumTerverifikasi: ["bt", "belum_terverifikasi", "Belum-Terverifikasi"],
        .belumDitindaklanjuti: ["bd", "btl", "belum_ditindaklanjuti"],
        .proses: ["proses", "Proses", "in_progress"],
        .selesai: ["selesai", "done"],
        .tunda: ["tunda", "postponed"],
        .arsip: ["arsip", "archived"],
    ]
    static let classificationNames: [Classification: [String]] = [
        .pengaduan: ["pengaduan", "complaint"], .aspirasi: ["aspirasi"],
        .permintaanInformasi: ["informasi", "permintaan_informasi"], .whistleblowing: ["wbs", "whistleblowing"],
    ]
    static let channelNames: [Channel: [String]] = [
        .web: ["web"], .sms1708: ["sms", "sms1708"], .twitter: ["twitter", "x"], .android: ["android"], .ios: ["ios"],
        .walkIn: ["walk-in", "loket"], .integrated: ["terintegrasi"], .other: ["lainnya", "other"],
    ]
    static let priorityNames: [Priority: [String]] = [.low: ["low", "rendah"], .normal: ["normal", "biasa"], .high: ["high", "tinggi"]]

    // MARK: reports

    static func words(_ count: ClosedRange<Int>, _ rng: inout FilterRandom) -> String {
        (0..<Int.random(in: count, using: &rng)).map { _ in rng.pick(reportWords) }.joined(separator: rng.pick([" ", ", ", ". "]))
    }

    /// A report with a random intake and up to twelve random actions (refused ones are skipped).
    static func report(id: Int64, _ rng: inout FilterRandom) -> Complaint {
        let intakeAgency = rng.pick(agencies)
        let intake = Intake(trackingID: rng.pick(trackingIDs), title: words(1...4, &rng), body: words(0...8, &rng),
                            channel: rng.pick(Channel.allCases), classification: rng.pick(Classification.allCases),
                            category: Category(rng.pick(reportCategories)), anonymous: rng.chance(30),
                            confidential: rng.chance(20), priority: rng.pick(Priority.allCases))
        var time = wib(2026, 6, 8, 8)
        let first = try! Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil,
                                         by: Desk.admin(of: intakeAgency), at: time, context: Desk.workflow, newID: id).get()
        var c = Workflow.evolve(nil, first)
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            time = time.adding(seconds: 3600)
            let holderAgency = c.holder.agency
            let admin = Desk.admin(of: holderAgency)
            let handler = c.holder.unit.map(Desk.liaison(of:)) ?? admin
            let ownUnits = holderAgency == "prov" ? ["prov-x"] : ["dinkes", "pupr"]
            let otherAgency = holderAgency == "prov" ? "pemkab" : "prov"
            let otherUnits = otherAgency == "prov" ? ["prov-x"] : ["dinkes", "pupr"]
            let privacy = rng.chance(50) ? ClassificationChange(anonymous: rng.chance(50), confidential: rng.chance(50)) : nil
            let options: [(ActionKind, ActionDetails, Actor)] = [
                (.verify, ActionDetails(unit: rng.pick(ownUnits), changes: privacy), admin),
                (.verify, ActionDetails(unit: rng.pick(ownUnits)), admin),
                (.classify, ActionDetails(changes: ClassificationChange(category: Category(rng.pick(reportCategories)),
                                                                        anonymous: rng.chance(50) ? rng.chance(50) : nil,
                                                                        priority: rng.pick(Priority.allCases))), admin),
                (.redispose, ActionDetails(unit: rng.pick(ownUnits), reason: "Salah unit"), admin),
                (.forward, ActionDetails(agency: otherAgency, unit: rng.chance(70) ? rng.pick(otherUnits) : nil,
                                         reason: "Bukan wewenang"), handler),
                (.cc, ActionDetails(unit: rng.pick(units)), admin),
                (.followUp, ActionDetails(text: "Tindak lanjut", secret: rng.chance(20)), handler),
                (.followUp, ActionDetails(text: "Tindak lanjut"), handler),
                (.rate, ActionDetails(rating: Int.random(in: 1...5, using: &rng)), admin),
                (.rate, ActionDetails(rating: Int.random(in: 1...5, using: &rng)), handler),
                (.close, ActionDetails(), admin),
                (.postpone, ActionDetails(reason: "Klarifikasi"), admin),
                (.resume, ActionDetails(), admin),
                (.archive, ActionDetails(archiveReason: .unclear), admin),
                (.reopen, ActionDetails(reason: "Pelapor keberatan"), admin),
            ]
            let (kind, details, actor) = rng.pick(options)
            if case .success(let e) = Workflow.decide(Command(kind, details), on: c, by: actor, at: time, context: Desk.workflow) {
                c = Workflow.evolve(c, e)
            }
        }
        return c
    }

    // MARK: filters

    static func spec(depth: Int, _ rng: inout FilterRandom) -> Spec {
        if depth == 0 || rng.chance(40) { return term(&rng) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .and((0..<Int.random(in: 2...3, using: &rng)).map { _ in spec(depth: depth - 1, &rng) })
        case 1: return .or((0..<Int.random(in: 2...3, using: &rng)).map { _ in spec(depth: depth - 1, &rng) })
        default: return .not(spec(depth: depth - 1, &rng))
        }
    }

    static func term(_ rng: inout FilterRandom) -> Spec {
        switch Int.random(in: 0..<16, using: &rng) {
        case 0: return .status(rng.subset(Status.allCases))
        case 1: return .unit(rng.subset(units))
        case 2: return .agency(rng.subset(agencies))
        case 3: return .cc(rng.pick(units))
        case 4: return .category(rng.pick(filterCategories))
        case 5: return .classification(rng.subset(Classification.allCases))
        case 6: return .channel(rng.subset(Channel.allCases))
        case 7: return .priority(rng.subset(Priority.allCases))
        case 8: return .anonymous
        case 9: return .confidential
        case 10: return .pingPong
        case 11: return .undecided
        case 12: return .rating(rng.pick(["<", "<=", ">", ">=", "=", ""]), Int.random(in: 1...5, using: &rng))
        case 13: return .tracking(rng.pick(["1234567", "7654321", "1234"]))
        case 14: return .id(Int64.random(in: 1...Int64(reportCount + 1), using: &rng))
        default: return .word(rng.pick(searchWords))
        }
    }

    /// The filter written out with random aliases, keywords and symbols, with parentheses
    /// where precedence needs them (and now and then where it does not).
    static func render(_ s: Spec, _ rng: inout FilterRandom) -> String {
        func values<T: Hashable>(_ list: [T], _ names: [T: [String]]) -> String {
            list.map { rng.pick(names[$0]!) }.joined(separator: ",")
        }
        func group(_ inner: Spec, needed: Bool) -> String {
            let text = render(inner, &rng)
            return needed || rng.chance(15) ? "(" + text + ")" : text
        }
        switch s {
        case .status(let l): return rng.pick(["status", "s", "STATUS"]) + ":" + values(l, statusNames)
        case .unit(let l): return rng.pick(["unit", "u", "opd"]) + ":" + l.joined(separator: ",")
        case .agency(let l): return rng.pick(["agency", "instansi"]) + ":" + l.joined(separator: ",")
        case .cc(let u): return rng.pick(["cc", "tembusan"]) + ":" + u
        case .category(let p): return rng.pick(["category", "kategori", "cat"]) + ":" + p
        case .classification(let l): return rng.pick(["class", "klasifikasi", "jenis"]) + ":" + values(l, classificationNames)
        case .channel(let l): return rng.pick(["channel", "kanal", "sumber"]) + ":" + values(l, channelNames)
        case .priority(let l): return rng.pick(["priority", "prioritas"]) + ":" + values(l, priorityNames)
        case .anonymous: return rng.pick(["anonim", "anonymous", "is:anonim", "ANONIM"])
        case .confidential: return rng.pick(["rahasia", "confidential", "adalah:rahasia"])
        case .pingPong: return rng.pick(["pingpong", "ping-pong", "is:pingpong"])
        case .undecided: return rng.pick(["undecided", "is:undecided"])
        case .rating(let op, let n): return rng.pick(["rating", "nilai"]) + ":" + op + String(n)
        case .tracking(let t): return rng.pick(["tracking", "lapor", "no"]) + ":" + t
        case .id(let n): return "id:" + String(n)
        case .word(let w): return w
        case .and(let parts):
            var text = ""
            for (i, p) in parts.enumerated() {
                if i > 0 { text += rng.pick([" ", " ", " AND ", " DAN ", " & "]) }
                if case .or = p { text += group(p, needed: true) } else { text += group(p, needed: false) }
            }
            return text
        case .or(let parts):
            var text = ""
            for (i, p) in parts.enumerated() {
                if i > 0 { text += rng.pick([" OR ", " ATAU ", " | "]) }
                text += group(p, needed: false)
            }
            return text
        case .not(let inner):
            let compound: Bool
            switch inner {
            case .and, .or: compound = true
            default: compound = false
            }
            return rng.pick(["NOT ", "BUKAN ", "TIDAK ", "!", "! ", "-"]) + group(inner, needed: compound)
        }
    }

    // MARK: the plain evaluator

    /// Lower-case ASCII words of `text` (the generator only writes ASCII).
    static func plainWords(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A report came back to an agency it had already left: the agencies it passed through,
    /// with repeats in a row collapsed, contain one twice.
    static func cameBack(_ c: Complaint) -> Bool {
        var visits: [String] = []
        for step in c.holderChain where visits.last != step.holder.agency { visits.append(step.holder.agency) }
        return Set(visits).count != visits.count
    }

    static func evaluate(_ s: Spec, _ c: Complaint) -> Bool {
        switch s {
        case .status(let l): return l.contains(c.status)
        case .unit(let l): return c.holder.unit != nil && l.contains(c.holder.unit!)
        case .agency(let l): return l.contains(c.holder.agency)
        case .cc(let u): return c.ccUnits.contains(u)
        case .category(let p):
            let want = p.split(separator: "/"), have = c.category.path.split(separator: "/")
            return have.count >= want.count && Array(have.prefix(want.count)) == want
        case .classification(let l): return l.contains(c.classification)
        case .channel(let l): return l.contains(c.channel)
        case .priority(let l): return l.contains(c.priority)
        case .anonymous: return c.anonymous
        case .confidential: return c.confidential
        case .pingPong: return cameBack(c)
        case .undecided: return !c.privacyDecided
        case .rating(let op, let n):
            guard let r = c.rating else { return false }
            switch op {
            case "<": return r < n
            case "<=": return r <= n
            case ">": return r > n
            case ">=": return r >= n
            default: return r == n
            }
        case .tracking(let t): return c.trackingID == t
        case .id(let n): return c.id == n
        case .word(let w): return (plainWords(c.title) + plainWords(c.body)).contains { $0.hasPrefix(w) }
        case .and(let parts): return parts.allSatisfy { evaluate($0, c) }
        case .or(let parts): return parts.contains { evaluate($0, c) }
        case .not(let inner): return !evaluate(inner, c)
        }
    }
}

struct FilterPropertyTests {
    @Test func matchesAgreesWithAPlainEvaluatorOnRandomFilters() {
        var rng = FilterRandom(seed: 0xADA2_2026)
        let reports = (1...Int64(Grammar.reportCount)).map { Grammar.report(id: $0, &rng) }
        let ctx = context(at: wib(2026, 6, 9, 10))
        var parseFailures: [String] = []
        var disagreements: [String] = []
        var selected = 0, total = 0
        for _ in 0..<2_000 {
            let spec = Grammar.spec(depth: 3, &rng)
            let text = Grammar.render(spec, &rng)
            guard case .success(let filter) = FilterParser.parse(text, vocabulary: Desk.vocabulary) else {
                parseFailures.append(text)
                continue
            }
            for c in reports {
                let expected = Grammar.evaluate(spec, c)
                total += 1
                if expected { selected += 1 }
                if filter.matches(c, ctx) != expected {
                    disagreements.append("#\(c.id) \(expected ? "missed" : "wrongly selected") by: \(text)")
                }
            }
        }
        // Only a few examples in the message: one wrong rule shows up in hundreds of filters.
        let allParsed = parseFailures.isEmpty, allAgree = disagreements.isEmpty
        #expect(allParsed, "\(parseFailures.count) filters did not parse, e.g. \(Array(parseFailures.prefix(5)))")
        #expect(allAgree, "\(disagreements.count) disagreements, e.g. \(Array(disagreements.prefix(5)))")
        // The generator is useful only if filters select some reports and reject others.
        #expect(selected > total / 10 && selected < total * 9 / 10, "selected \(selected) of \(total)")
    }

    @Test func randomReportsCoverTheInterestingStates() {
        var rng = FilterRandom(seed: 0xADA2_2026)
        let reports = (1...Int64(Grammar.reportCount)).map { Grammar.report(id: $0, &rng) }
        #expect(Set(reports.map(\.status)).count >= 4)
        #expect(reports.contains { $0.holder.unit != nil })
        #expect(reports.contains { !$0.ccUnits.isEmpty })
        #expect(reports.contains { $0.rating != nil })
        #expect(reports.contains { $0.privacyDecided })
        #expect(reports.contains { $0.holder.agency != $0.intakeAgency })
        #expect(reports.contains { Grammar.cameBack($0) })
        #expect(reports.contains { $0.anonymous } && reports.contains { $0.confidential })
    }
}
