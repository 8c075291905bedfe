import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// `aduan report` on a PostgreSQL store (issue 14): the same stories in a SQLite office store and
/// in a PostgreSQL store give the same report, in every format, for every operator of the office;
/// on PostgreSQL each reads its figures as its own database role.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PostgresReportTests {
    typealias Province = PostgresCLITests.Province

    /// Reports of the last weeks, each history decided by the workflow: disposed, followed up,
    /// forwarded to the province, anonymous, undisposed, passed down the unit tree and paused.
    static func stories(_ p: Province, now: Timestamp) throws -> [[Event]] {
        let ctx = p.config.context
        func actor(_ id: String) -> Actor { p.actor(id) }
        var out: [[Event]] = []
        func story(_ title: String, days: Int, anonymous: Bool = false, _ steps: [(ActionKind, ActionDetails, String)]) throws {
            var at = now.adding(days: -days)
            let intake = Intake(title: title, body: "Mohon ditindaklanjuti.", anonymous: anonymous,
                                reporter: Reporter(name: "Siti Aminah", phone: "081234567890"))
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: actor("admin"), at: at, context: ctx, newID: 1).get()
            var c = Workflow.evolve(nil, r)
            var events = [r]
            for (kind, details, who) in steps {
                at = at.adding(days: 1)
                let e = try Workflow.decide(Command(kind, details), on: c, by: actor(who), at: at, context: ctx).get()
                c = Workflow.evolve(c, e)
                events.append(e)
            }
            out.append(events)
        }
        let open = ClassificationChange(anonymous: false, confidential: false)
        try story("Pungutan liar di puskesmas", days: 20, [(.verify, ActionDetails(unit: "dinkes", changes: open), "admin"),
                                                         (.followUp, ActionDetails(text: "Petugas sudah ditegur."), "tl-dinkes")])
        try story("Jalan berlubang di Desa Mekarsari", days: 40, [(.verify, ActionDetails(unit: "pupr", changes: open), "admin")])
        try story("Ijazah SMA tertahan", days: 12, [(.verify, ActionDetails(unit: "dinkes", changes: open), "admin"),
                                                    (.forward, ActionDetails(agency: "pemprov-jatim", reason: "Kewenangan provinsi"), "tl-dinkes")])
        try story("Pungli di loket KTP", days: 9, anonymous: true,
                  [(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: true, confidential: false)), "admin")])
        try story("Lampu jalan mati", days: 3, [])
        try story("Antrean obat di puskesmas Karangrejo", days: 30, [(.verify, ActionDetails(unit: "pkm-karangrejo", changes: open), "admin")])
        try story("Bantuan sosial belum cair", days: 60, [(.postpone, ActionDetails(reason: "Menunggu data dari desa"), "admin")])
        return out
    }

    /// The operators to compare, with the login each acts under on PostgreSQL.
    static let operators: [(login: String, op: String)] = [
        ("siti", "admin"), ("siti", "monitor-kominfo"), ("andi", "tl-dinkes"), ("budi", "tl-pupr"), ("hendra", "pengawas"),
        ("sari", "tl-yankes"), ("nur", "op-pkm-karangrejo"), ("dewi", "admin-prov"), ("joko", "tl-kec-sukamaju"),
    ]

    /// Output without the lines that name the moment it was made.
    static func steady(_ text: String, format: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch format {
        case "json": return lines.filter { !$0.contains("\"generatedAt\"") }.joined(separator: "\n")
        case "text": return lines.dropFirst().joined(separator: "\n")
        default: return text
        }
    }

    @Test func theSameStoriesGiveTheSameReportOnPostgreSQLAsOnSQLiteForEveryOperator() throws {
        try requireBinary()
        let p = try Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let (histories, now) = try p.loadStories(Self.stories(_:now:))

        // The same histories in a SQLite office store whose office is the same but for the logins.
        let desk = try p.sqliteTwin("pg-report-sqlite", holding: histories)


        // Operators without a password connect over the socket (the cluster trusts local users).
        func pg(_ login: String, _ args: [String]) -> ProcessResult {
            AduanBinary.run(args + ["--store", "postgresql://\(p.tag)_\(login)@/\(p.tag)?host=\(p.host)&port=\(p.port)", "--lang", "en"],
                            env: [:], in: p.desk.scratch)
        }
        var compared = 0
        for (login, op) in Self.operators {
            for (format, extra) in [("json", []), ("csv", []), ("csv", ["--wide"]), ("text", [])] {
                let args = ["report", "--format", format, "--as", op] + extra
                let mine = pg(login, args)
                let theirs = desk.run(args + ["--lang", "en"])
                #expect(mine.status == 0 && theirs.status == 0, "\(op) \(format): \(mine.stderr) \(theirs.stderr)")
                #expect(Self.steady(mine.stdout, format: format) == Self.steady(theirs.stdout, format: format),
                        "\(op) \(format) \(extra): PostgreSQL\n\(mine.stdout)\nSQLite\n\(theirs.stdout)")
                compared += 1
            }
            // The monthly recap workbook: the same sheets and cells but the line naming when it was made.
            let from = OfficeTimeZone.wib.date(of: now).adding(days: -70).iso8601, to = OfficeTimeZone.wib.date(of: now).iso8601
            let xlsx = ["report", "--format", "xlsx", "--from", from, "--to", to, "--as", op, "--out"]
            let a = pg(login, xlsx + [p.desk.scratch.file("\(op)-pg.xlsx")])
            let b = desk.run(xlsx + [desk.scratch.file("\(op)-sqlite.xlsx"), "--lang", "en"])
            #expect(a.status == 0 && b.status == 0, "\(op) xlsx: \(a.stderr) \(b.stderr)")
            if XlsxReader.python != nil {
                let mine = try XlsxReader.read(p.desk.scratch.file("\(op)-pg.xlsx"), in: p.desk.scratch)
                let theirs = try XlsxReader.read(desk.scratch.file("\(op)-sqlite.xlsx"), in: desk.scratch)
                #expect(mine.sheets.map(\.name) == theirs.sheets.map(\.name))
                for (m, t) in zip(mine.sheets, theirs.sheets) {
                    let strip = { (s: XlsxReader.Sheet) in s.rows.enumerated().filter { $0.offset != 1 }.map(\.element) }
                    #expect(strip(m) == strip(t), "\(op) xlsx sheet \(m.name)")
                }
            }
        }
        #expect(compared == Self.operators.count * 4)
        // The figures are not empty: the kabupaten's admin counts what its agency holds.
        let admin = try parseJSON(pg("siti", ["report", "--format", "json", "--as", "admin"]).stdout)
        #expect(admin["total"]?.int == 6 && admin["forwardsOut"]?.int == 1, "\(admin)")
        // A role reads its own figures only: Andi's report counts what Dinkes and the units below it hold.
        let andi = try parseJSON(pg("andi", ["report", "--format", "json"]).stdout)
        #expect(andi["total"]?.int == 3, "\(andi)")
    }
}
