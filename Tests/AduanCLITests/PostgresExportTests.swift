import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// `aduan export` on a PostgreSQL store (issue 14), through the store contract's pages: the same
/// stories exported from a SQLite office store and from a PostgreSQL store give the same files,
/// and a planted identity and confidential text reach no export of a role that may not see them.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PostgresExportTests {
    typealias Province = PostgresCLITests.Province
    static let identity = ["Siti Anonimawati", "Anonimawati", "081299990000", "rahasia@contoh.id", "3507999900001111"]
    static let confidentialWords = ["Rahjudulsembilan", "Rahbadantujuh", "oknum berseragam"]

    /// An anonymous report with the identity planted, disposed to Dinas Kesehatan, followed up
    /// and copied to PUPR; a confidential one held by Disdukcapil; one forwarded to the province;
    /// an ordinary one held by PUPR.
    static func stories(_ p: Province, now: Timestamp) throws -> [[Event]] {
        let ctx = p.config.context
        var out: [[Event]] = []
        func story(_ intake: Intake, days: Int, _ steps: [(ActionKind, ActionDetails, String)]) throws {
            var at = now.adding(days: -days)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: p.actor("admin"), at: at, context: ctx, newID: 1).get()
            var c = Workflow.evolve(nil, r)
            var events = [r]
            for (kind, details, who) in steps {
                at = at.adding(seconds: 3600)
                let e = try Workflow.decide(Command(kind, details), on: c, by: p.actor(who), at: at, context: ctx).get()
                c = Workflow.evolve(c, e)
                events.append(e)
            }
            out.append(events)
        }
        let planted = Intake(trackingID: "4517001", title: "Obat habis di Puskesmas Karangrejo",
                             body: "Sudah tiga kali datang, obat hipertensi selalu kosong.", anonymous: true,
                             reporter: Reporter(name: "Siti Anonimawati", phone: "081299990000", email: "rahasia@contoh.id", nik: "3507999900001111"))
        try story(planted, days: 6, [
            (.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: true, confidential: false)), "admin"),
            (.followUp, ActionDetails(text: "Stok obat sudah dikirim dari gudang farmasi."), "tl-dinkes"),
            (.cc, ActionDetails(unit: "pupr"), "admin"),
        ])
        let hidden = Intake(trackingID: "4517002", title: "Pungutan loket Rahjudulsembilan di kecamatan",
                            body: "Petugas oknum berseragam meminta Rahbadantujuh ribu per berkas.", confidential: true,
                            reporter: Reporter(name: "Budi Hartono", phone: "081211112222"))
        try story(hidden, days: 5, [(.verify, ActionDetails(unit: "disdukcapil", changes: ClassificationChange(anonymous: false, confidential: true)), "admin")])
        let open = ClassificationChange(anonymous: false, confidential: false)
        try story(Intake(title: "Ijazah SMA tertahan", body: "Mohon dibantu.", reporter: Reporter(name: "Rudi")), days: 4, [
            (.verify, ActionDetails(unit: "dinkes", changes: open), "admin"),
            (.forward, ActionDetails(agency: "pemprov-jatim", reason: "Kewenangan provinsi"), "tl-dinkes"),
        ])
        try story(Intake(title: "Jalan berlubang di Desa Mekarsari", body: "Sudah tiga bulan.", reporter: Reporter(name: "Wati")), days: 3, [
            (.verify, ActionDetails(unit: "pupr", changes: open), "admin"),
        ])
        return out
    }

    static let operators = PostgresReportTests.operators + [(login: "rina", op: "tl-disdukcapil")]

    @Test func everyRolesExportOnPostgreSQLIsTheSQLiteStoresAndLeaksNothingItMayNotSee() throws {
        try requireBinary()
        let p = try Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let (histories, _) = try p.loadStories(Self.stories(_:now:))
        let reports = histories.map { h in h.dropFirst().reduce(Workflow.evolve(nil, h[0])) { Workflow.evolve($0, $1) } }

        let desk = try p.sqliteTwin("pg-export-sqlite", holding: histories)

        func pg(_ login: String, _ args: [String]) -> ProcessResult {
            AduanBinary.run(args + ["--store", "postgresql://\(p.tag)_\(login)@/\(p.tag)?host=\(p.host)&port=\(p.port)"], env: [:], in: p.desk.scratch)
        }
        var checked = 0
        for (login, id) in Self.operators {
            let op = p.actor(id)
            let mayIdentity = Privacy.canSeeReporter(reports[0], viewer: op) && Privacy.canView(reports[0], viewer: op)
            let mayContent = Privacy.canSeeContent(reports[1], viewer: op) && Privacy.canView(reports[1], viewer: op)
            for lang in ["en", "id"] {
                for format in ["csv", "json", "open311"] {
                    let args = ["export", "--format", format, "--as", id, "--lang", lang]
                    let mine = pg(login, args)
                    let theirs = desk.run(args)
                    #expect(mine.status == 0 && theirs.status == 0, "\(id) \(format): \(mine.stderr) \(theirs.stderr)")
                    #expect(mine.stdout == theirs.stdout, "\(id) \(format) \(lang): PostgreSQL\n\(mine.stdout)\nSQLite\n\(theirs.stdout)")
                    let text = mine.stdout + mine.stderr
                    let leaked = Self.identity.filter { text.contains($0) }
                    if !mayIdentity || format == "open311" { #expect(leaked.isEmpty, "\(id) \(format) shows the anonymous reporter: \(leaked)") }
                    let words = Self.confidentialWords.filter { text.contains($0) }
                    if !mayContent || format == "open311" { #expect(words.isEmpty, "\(id) \(format) shows confidential text: \(words)") }
                    checked += 1
                }
            }
            // The workbook: the same cells, the same privacy.
            let a = pg(login, ["export", "--format", "xlsx", "--as", id, "--out", p.desk.scratch.file("\(id)-pg.xlsx")])
            let b = desk.run(["export", "--format", "xlsx", "--as", id, "--out", desk.scratch.file("\(id)-sqlite.xlsx")])
            #expect(a.status == 0 && b.status == 0, "\(id) xlsx: \(a.stderr) \(b.stderr)")
            if XlsxReader.python != nil {
                let mine = try XlsxReader.read(p.desk.scratch.file("\(id)-pg.xlsx"), in: p.desk.scratch)
                let theirs = try XlsxReader.read(desk.scratch.file("\(id)-sqlite.xlsx"), in: desk.scratch)
                #expect(mine.sheets.map(\.rows) == theirs.sheets.map(\.rows), "\(id) xlsx")
                if !mayIdentity { #expect(Self.identity.filter { mine.allText.contains($0) }.isEmpty, "\(id) xlsx shows the anonymous reporter") }
                if !mayContent { #expect(Self.confidentialWords.filter { mine.allText.contains($0) }.isEmpty, "\(id) xlsx shows confidential text") }
            }
        }
        #expect(checked == Self.operators.count * 6)
        // The receiving admin does read the identity (the test can fail), and the holder of the
        // confidential report its words.
        #expect(pg("siti", ["export", "--format", "csv", "--as", "admin"]).stdout.contains("Siti Anonimawati"))
        #expect(pg("rina", ["export", "--format", "json"]).stdout.contains("Rahbadantujuh"))
        // A filter narrows the export on PostgreSQL as on SQLite.
        let narrowed = pg("siti", ["export", "--format", "csv", "--as", "admin", "unit:pupr"])
        #expect(narrowed.status == 0 && narrowed.stdout.contains("Jalan berlubang") && !narrowed.stdout.contains("Ijazah"), "\(narrowed.stdout)")
    }
}
