import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// `office show`, `anchor`, `auto-close` and `office apply` on a PostgreSQL store (issue 14):
/// every login reads the office the store keeps; the chain head is anchored and reports are
/// auto-closed by the store's owner (the writer), at the server's clock, an event per report; an
/// operator's login asking for either is refused, told why, and nothing changes; `office apply`
/// is refused naming what is missing.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PostgresOwnerCommandsTests {
    typealias Province = PostgresCLITests.Province

    /// A province store with the roles applied and `histories` loaded; the owner's connection.
    static func province(_ histories: (Province, Timestamp) throws -> [[Event]]) throws -> (Province, PGConnection) {
        let p = try Province()
        let made = p.run("owner", ["init", "--office", p.officeFile])
        try #require(made.status == 0, "\(made.stderr)")
        let owner = try p.ownerConnection()
        try owner.execute(p.run("owner", ["office", "roles"]).stdout)
        try PGStore(owner, context: p.config.context).insertHistories(try histories(p, Timestamp(seconds: Int64(time(nil)))))
        return (p, owner)
    }

    /// A report received `days` ago, disposed to Dinas Kesehatan and followed up an hour later (the
    /// reporter's answer is awaited from then: 10 working days before it closes by itself).
    static func followedUp(_ p: Province, _ now: Timestamp, days: Int, title: String) throws -> [Event] {
        let ctx = p.config.context
        let at = now.adding(days: -days)
        let intake = Intake(title: title, body: "Mohon ditindaklanjuti.", reporter: Reporter(name: "Rudi"))
        let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: p.actor("admin"), at: at, context: ctx, newID: 1).get()
        var c = Workflow.evolve(nil, r)
        let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false))),
                                    on: c, by: p.actor("admin"), at: at.adding(seconds: 60), context: ctx).get()
        c = Workflow.evolve(c, v)
        let f = try Workflow.decide(Command(.followUp, ActionDetails(text: "Sudah ditangani.")), on: c, by: p.actor("tl-dinkes"),
                                    at: at.adding(seconds: 3600), context: ctx).get()
        return [r, v, f]
    }

    static func count(_ conn: PGConnection, _ sql: String) throws -> Int64 { try conn.query(sql).int64(0, "n") ?? -1 }

    @Test func everyLoginReadsTheOfficeTheStoreKeepsAndOfficeApplyIsRefusedNamingWhy() throws {
        try requireBinary()
        let (p, owner) = try Self.province { _, _ in [] }
        let shown = p.run("andi", ["office", "show"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("v1") && shown.stdout.contains("tl-dinkes") && shown.stdout.contains("dr. Andi Pratama"), "\(shown.stdout)")
        let json = p.run("dewi", ["office", "show", "--format", "json"])
        let stored = try owner.query("SELECT document FROM aduan.office_versions WHERE version = 1").text(0, "document")
        #expect(json.status == 0 && json.stdout == stored, "\(json.stderr)")

        let changed = p.desk.scratch.write("office2.json", String(decoding: readFile(p.officeFile) ?? [], as: UTF8.self).replacing("dr. Andi Pratama", with: "dr. Andi P."))
        for lang in ["en", "id"] {
            let apply = AduanBinary.run(["office", "apply", changed, "--yes", "--as", "admin", "--lang", lang, "--store", p.operatorURI("siti")],
                                        env: ["PGPASSFILE": p.passfile], in: p.desk.scratch)
            #expect(apply.status != 0 && apply.stderr.contains("office apply") && apply.stderr.contains(lang == "en" ? "not built" : "belum dibuat"),
                    "\(apply.stdout) \(apply.stderr)")
        }
        #expect(try Self.count(owner, "SELECT count(*) AS n FROM aduan.office_versions") == 1, "nothing was recorded")
    }

    @Test func theOwnerAnchorsTheServersChainHeadAndAnOperatorIsRefused() throws {
        try requireBinary()
        let (p, owner) = try Self.province { p, now in [try Self.followedUp(p, now, days: 5, title: "Obat habis di puskesmas")] }
        let anchors = p.desk.scratch.file("store.anchors"), key = p.desk.scratch.file("anchor-key")
        let refused = p.run("andi", ["anchor", "--anchors", anchors, "--key", key])
        #expect(refused.status != 0 && refused.stderr.contains("runs as the store's owner") && refused.stderr.contains("\(p.tag)_andi"), "\(refused.stderr)")
        #expect(!fileExists(anchors), "an operator's refused anchor writes no file")

        let first = p.run("owner", ["anchor", "--anchors", anchors, "--key", key])
        #expect(first.status == 0, "\(first.stdout) \(first.stderr)")
        let head = try owner.query("SELECT (SELECT value FROM aduan.meta WHERE key = 'chain_head') AS h, (SELECT value FROM aduan.meta WHERE key = 'event_count') AS n")
        let line = String(decoding: readFile(anchors) ?? [], as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.contains(head.text(0, "h") ?? "?") && head.text(0, "n") == "3", "the anchored line names the server's head: \(line)")
        #expect(first.stdout.contains(head.text(0, "h") ?? "?"), "\(first.stdout)")

        // More events, a second anchor that extends the first.
        try PGStore(owner, context: p.config.context).insertHistories([try Self.followedUp(p, Timestamp(seconds: Int64(time(nil))), days: 2, title: "Lampu mati")])
        let second = p.run("owner", ["anchor", "--anchors", anchors, "--key", key])
        #expect(second.status == 0, "\(second.stderr)")

        // An event rewritten behind the store's back (the superuser lifts the append-only trigger):
        // the chain no longer holds, and no anchor vouches for it.
        let su = try PGConnection(parameters: [("host", p.host), ("port", p.port), ("user", "postgres"), ("dbname", p.tag)])
        try su.execute("ALTER TABLE aduan.events DISABLE TRIGGER events_append_only")
        try su.execute("UPDATE aduan.events SET body = replace(body, 'Sudah ditangani.', 'Tidak ada masalah.') WHERE seq = 3")
        try su.execute("ALTER TABLE aduan.events ENABLE TRIGGER events_append_only")
        let before = String(decoding: readFile(anchors) ?? [], as: UTF8.self)
        let broken = p.run("owner", ["anchor", "--anchors", anchors, "--key", key])
        #expect(broken.status != 0 && broken.stderr.contains("breaks at event 3"), "\(broken.stdout) \(broken.stderr)")
        #expect(String(decoding: readFile(anchors) ?? [], as: UTF8.self) == before, "nothing appended")
    }

    @Test func autoCloseRunsAsTheOwnerAtTheServersClockAnEventPerReportAndTheWriterSweeps() throws {
        try requireBinary()
        let (p, owner) = try Self.province { p, now in
            [try Self.followedUp(p, now, days: 30, title: "Jalan berlubang"), try Self.followedUp(p, now, days: 1, title: "Lampu mati")]
        }
        let refused = p.run("andi", ["auto-close"])
        #expect(refused.status != 0 && refused.stderr.contains("runs as the store's owner"), "\(refused.stderr)")
        #expect(try Self.count(owner, "SELECT count(*) AS n FROM aduan.events") == 6, "nothing written by the refusal")

        let closed = p.run("owner", ["auto-close"])
        #expect(closed.status == 0 && closed.stdout.hasPrefix("1 complaint(s)"), "\(closed.stdout) \(closed.stderr)")
        let e = try owner.query("""
            SELECT kind, actor_id, login, abs(at - floor(extract(epoch FROM now()))::bigint) AS skew FROM aduan.events WHERE complaint_id = 1 AND version = 4
            """)
        #expect(e.text(0, "kind") == "auto-close" && e.text(0, "actor_id") == Actor.system.id && e.text(0, "login") == "\(p.tag)_owner")
        #expect((e.int64(0, "skew") ?? 99) < 30, "the event carries the server's time")
        #expect(try Self.count(owner, "SELECT status AS n FROM aduan.complaints WHERE id = 1") == Int64(Status.selesai.order))
        #expect(try Self.count(owner, "SELECT version AS n FROM aduan.complaints WHERE id = 2") == 3, "the report not yet due is left")
        #expect(p.run("owner", ["auto-close"]).stdout.hasPrefix("0 complaint(s)"))
        // The closed report reads as done for the operator too.
        #expect(p.run("andi", ["show", "1"]).stdout.lowercased().contains("selesai"))

        // The writer closes what falls due by itself, without a cron'd command.
        try PGStore(owner, context: p.config.context).insertHistories([try Self.followedUp(p, Timestamp(seconds: Int64(time(nil))), days: 40, title: "Sampah menumpuk")])
        let serve = AduanBinary.spawn(AduanBinary.path, ["serve", "--store", p.owner], env: [:], stdin: nil, scratch: p.desk.scratch)
        defer { kill(serve.pid, SIGTERM); _ = serve.wait() }
        var waited = 0
        while try Self.count(owner, "SELECT status AS n FROM aduan.complaints WHERE id = 3") != Int64(Status.selesai.order) && waited < 100 {
            usleep(100_000)
            waited += 1
        }
        #expect(try Self.count(owner, "SELECT status AS n FROM aduan.complaints WHERE id = 3") == Int64(Status.selesai.order), "the writer swept")
        #expect(try PGStore(owner, context: p.config.context).firstBrokenLink() == nil)
    }
}

