import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 11 items 4, 14, 15, 16 and 18: the screen as operators met it at 80×24 and 120×40, in
/// Indonesian and English. Each test failed on the desk before its fix.
@Suite struct OperatorScreenTests {
    typealias F = DeskFixture

    static func occurrences(_ needle: String, in text: String) -> Int {
        var n = 0
        var rest = Substring(text)
        while let r = String(rest).firstRange(of: needle) {
            n += 1
            rest = rest[rest.index(rest.startIndex, offsetBy: String(rest)[..<r.upperBound].count)...]
        }
        return n
    }

    /// The list row showing a title that starts with `prefix`.
    static func row(_ grid: Grid, _ prefix: String) -> String? {
        (0..<grid.height).map { grid.row($0) }.first { $0.contains(prefix) }
    }

    /// The key bar's keys: the words of the bottom line.
    static func keyBarWords(_ grid: Grid) -> [String] {
        grid.row(grid.height - 1).split(separator: " ").map(String.init)
    }

    // MARK: item 4 — 80×24

    @Test func at80ColumnsEveryStatusTabAndThePrivacyMarkersStayVisible() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let grid = F.run(store, width: 80, height: 24, keys: ["idle"])
        let tabs = grid.row(1)
        for name in ["Semua", "Blm Verif", "Blm TL", "Proses", "Selesai", "Tunda", "Arsip", "Diteruskan"] {
            #expect(tabs.contains(name), "tab \(name) missing at 80 columns: \(tabs)")
        }
        #expect(grid.row(2).contains("A/R"), "no privacy column at 80 columns: \(grid.row(2))")
        let ktp = try #require(Self.row(grid, "KTP-el"))
        #expect(ktp.contains(" A? "), "the anonymous, undecided report is not marked: \(ktp)")
        let bansos = try #require(Self.row(grid, "Bansos"))
        #expect(bansos.contains(" R "), "the confidential report is not marked: \(bansos)")
        #expect(grid.row(2).contains("Unit"), "the unit column: \(grid.row(2))")
    }

    /// A store of thousands (the demo's 4.444 in Semua, a million-report office's 6-digit counts):
    /// the tabs shorten, the active one keeps its name, and all eight fit in 79 cells.
    @Test(arguments: ["4.444", "1.234.567"])
    func withLargeCountsEveryTabStillFitsAt80Columns(count: String) {
        let names: [(String, String)] = [("Semua", "Sem"), ("Blm Verif", "BV"), ("Blm TL", "BTL"), ("Proses", "Pros"), ("Selesai", "Sls"),
                                         ("Tunda", "Tnd"), ("Arsip", "Ars"), ("Diteruskan", "Dit")]
        let tabs = names.enumerated().map { (full: $0.element.0, tiny: $0.element.1, count: count, active: $0.offset == 5) }
        let labels = InboxView.tabLabels(tabs, width: 79)
        #expect(labels.count == 8)
        #expect(labels.map { DisplayWidth.of($0) }.reduce(0, +) + 7 <= 79, "\(labels)")
        #expect(labels[5].contains("Tunda") && labels[5].contains(count), "the active tab keeps its name and count: \(labels)")
    }

    // MARK: item 14 — prompts, key bar, English labels

    @Test func aConfirmationAsksOnce() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        // `t` on the postponed report: resume asks to confirm.
        let resume = F.run(store, width: 120, height: 40, keys: ["/", "text:Lampu", "Enter", "t"])
        let prompt = resume.row(39)
        #expect(Self.occurrences("Lanjutkan", in: prompt) == 1, "duplicated prompt: \(prompt)")
        #expect(Self.occurrences("(y/t)", in: prompt) == 1, "duplicated prompt: \(prompt)")
        // Several tagged reports: one question, with the count.
        let bulk = F.run(store, width: 120, height: 40, keys: ["Space", "Space", ";", "x", "Enter"])
        let bulkPrompt = bulk.row(39)
        #expect(Self.occurrences("(y/t)", in: bulkPrompt) == 1, "duplicated prompt: \(bulkPrompt)")
        #expect(bulkPrompt.contains("2"), "the count: \(bulkPrompt)")
        // The rating prompt names the action once.
        let rate = F.run(store, width: 120, height: 40, keys: ["/", "text:puskesmas", "Enter", "s"])
        #expect(Self.occurrences("Penilaian pelapor", in: rate.row(39)) == 1, "duplicated prompt: \(rate.row(39))")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theKeyBarFollowsTheStateAfterAFollowUp(width: Int, height: Int) throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "Jalan berlubang", in: store)
        // In the detail view: a follow-up moves Belum Ditindaklanjuti to Proses; `j` clears the message.
        let grid = F.run(store, width: width, height: height,
                         keys: ["/", "text:berlubang", "Enter", "Enter", "r", "text:Sudah dicek petugas.", "ctrl-s", "j"])
        #expect(try store.complaint(id)?.status == .proses)
        let words = Self.keyBarWords(grid)
        #expect(!words.contains("D"), "re-dispose offered in Proses: \(grid.row(height - 1))")
        #expect(!words.contains("f"), "forward offered in Proses: \(grid.row(height - 1))")
        #expect(words.contains("p"), "reporter's reply missing: \(grid.row(height - 1))")
        #expect(words.contains("s"), "rating missing: \(grid.row(height - 1))")
        #expect(words.contains("c"), "close missing: \(grid.row(height - 1))")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func englishDeadlinesAndPrivacyLabelsFit(width: Int, height: Int) throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "Jalan berlubang", in: store)
        let c = try #require(try store.complaint(id))
        // A follow-up now: the reporter has ten working days to answer.
        _ = try store.apply(Command(.followUp, ActionDetails(text: "Sudah dicek.")), to: id, expectedVersion: c.version,
                            by: F.actor("admin"), at: F.now)
        let inbox = F.run(store, width: width, height: height, keys: ["idle"], language: .en)
        let row = try #require(Self.row(inbox, "Jalan"))
        #expect(row.contains("10 working days left"), "cut deadline: \(row)")
        let detail = F.run(store, width: width, height: height, keys: ["/", "text:berlubang", "Enter", "Enter"], language: .en)
        let label = try #require(Self.row(detail, "Anonymous"), "\(detail.text())")
        #expect(label.contains("Anonymous / Confidential: "), "label cut or run into its value: \(label)")
    }

    // MARK: item 15 — search

    @Test func aSearchThatFindsNothingSaysSoAndLeavesNoTrace() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let grid = F.run(store, width: 120, height: 40, keys: ["/", "text:promo", "Enter"])
        #expect(grid.row(39).contains("tidak ditemukan"), "\(grid.row(39))")
        #expect(!grid.row(38).contains("promo"), "the status line keeps the failed search: \(grid.row(38))")
        // After a later filter, no search shows either.
        let later = F.run(store, width: 120, height: 40, keys: ["/", "text:promo", "Enter", "l", "text:status:bd", "Enter", "idle"])
        #expect(!later.row(38).contains("promo"), "\(later.row(38))")
    }

    @Test func theSearchPromptStartsWithThePreviousTermSelectedAndTypingReplacesIt() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let open = F.run(store, width: 120, height: 40, keys: ["/", "text:Bansos", "Enter", "/"])
        #expect(open.row(39).contains("Bansos"), "the previous term is offered: \(open.row(39))")
        let grid = F.run(store, width: 120, height: 40, keys: ["/", "text:Bansos", "Enter", "/", "text:berlubang", "Enter"])
        let selected = try #require((0..<40).map { grid.row($0) }.first { $0.hasPrefix(">") })
        #expect(selected.contains("Jalan berlubang"), "typing appended to the old term: \(selected) / \(grid.row(39))")
    }

    @Test func theStatusLineNeverHidesTheTagCount() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let long = "-status:selesai -status:arsip -kategori:lingkungan-hidup"
        let grid = F.run(store, width: 80, height: 24, keys: ["Space", "Space", "l", "text:" + long, "Enter", "/", "text:Jalan", "Enter", "idle"])
        #expect(grid.row(22).contains("2 ditandai"), "tag count pushed out: \(grid.row(22))")
    }

    // MARK: item 16 — the follow-up editor

    @Test func theFollowUpEditorWrapsAndKeepsTheComplaintVisible() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let words = (1...30).map { "kata\($0)" }.joined(separator: " ")
        let text = "Awal " + words + " Akhir"
        let grid = F.run(store, width: 80, height: 24, keys: ["/", "text:berlubang", "Enter", "r", "text:" + text])
        #expect(grid.contains("Awal"), "the start of the line scrolled away:\n\(grid.text())")
        #expect(grid.contains("Akhir"), "\(grid.text())")
        #expect(grid.contains("Lubang besar sudah tiga minggu"), "the complaint's text is covered:\n\(grid.text())")
        // What is saved is the text as typed, one line: wrapping is only how it is shown. A fresh
        // store, since the run above ended with the editor open and so kept its text as a draft.
        let dir2 = TempDir()
        let store2 = try F.makeStore(in: dir2)
        let id = try F.id(of: "Jalan berlubang", in: store2)
        _ = F.run(store2, width: 80, height: 24, keys: ["/", "text:berlubang", "Enter", "r", "text:" + text, "ctrl-s"])
        let saved = try store2.events(of: id).last?.details.text
        #expect(saved == text)
    }

    @Test func upAndDownMoveByWrappedRows() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let words = (1...30).map { "kata\($0)" }.joined(separator: " ")
        // Up from the end of a long wrapped line stays in that line, one row up; X lands there.
        _ = F.run(store, width: 80, height: 24, keys: ["/", "text:berlubang", "Enter", "r", "text:" + words, "Up", "text:X", "ctrl-s"])
        let id = try F.id(of: "Jalan berlubang", in: store)
        let saved = try #require(try store.events(of: id).last?.details.text)
        #expect(saved.contains("X") && !saved.hasPrefix("X") && !saved.hasSuffix("X"), "\(saved)")
    }

    // MARK: item 18 — Tunda and order

    @Test func theTundaTabShowsSinceWhenAndWhy() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        for (w, h) in [(80, 24), (120, 40)] {
            let grid = F.run(store, width: w, height: h, keys: ["Tab", "Tab", "Tab", "Tab", "Tab", "idle"])
            #expect(grid.row(1).contains("Tunda"))
            let row = try #require(Self.row(grid, "Lampu"), "\(grid.text())")
            #expect(row.contains("21 Nov"), "since when: \(row)")
            #expect(row.contains("Menunggu lokasi"), "why: \(row)")
        }
    }

    @Test func theOrderKeyOffersOldestFirst() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let grid = F.run(store, width: 120, height: 40, keys: ["O", "O", "O"])
        #expect(grid.row(39).contains("terlama dulu"), "\(grid.row(39))")
        let selected = try #require((0..<40).map { grid.row($0) }.first { $0.hasPrefix(">") })
        #expect(selected.contains("Sampah menumpuk"), "the oldest report first: \(selected)")
        let english = F.run(store, width: 120, height: 40, keys: ["O", "O", "O"], language: .en)
        #expect(english.row(39).contains("oldest first"), "\(english.row(39))")
    }
}
