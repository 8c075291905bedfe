import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// `office show`, `office apply`, `anchor` and `auto-close` on a PostgreSQL store (issue 14):
/// every login reads the office the store keeps, its admin changes it through the writer; the
/// chain head is anchored and reports are auto-closed by the store's owner (the writer), at the
/// server's clock, an event per report; an operator's login asking for either is refused, told
/// why, and nothing changes.
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

    @Test func everyLoginReadsTheOfficeTheStoreKeeps() throws {
        try requireBinary()
        let (p, owner) = try Self.province { _, _ in [] }
        let shown = p.run("andi", ["office", "show"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("v1") && shown.stdout.contains("tl-dinkes") && shown.stdout.contains("dr. Andi Pratama"), "\(shown.stdout)")
        let json = p.run("dewi", ["office", "show", "--format", "json"])
        let stored = try owner.query("SELECT document FROM aduan.office_versions WHERE version = 1").text(0, "document")
        #expect(json.status == 0 && json.stdout == stored, "\(json.stderr)")
    }

    /// The office admin applies a new office through the writer: the version is stored with the
    /// admin's login, every report's deadline is recomputed under the new rules, and the writer
    /// acts with the new operators from then on; a liaison, a change without --yes, and a change
    /// with no writer running are refused with nothing written.
    @Test func theOfficeAdminAppliesANewOfficeThroughTheWriterWhichRecomputesDeadlinesAndRereadsOperators() throws {
        try requireBinary()
        let (p, owner) = try Self.province { p, now in
            // Followed up (its auto-close runs), and one held by the environment office (DLH).
            let ctx = p.config.context
            let intake = Intake(title: "Sampah menumpuk di pasar", body: "Sudah seminggu.", reporter: Reporter(name: "Wati"))
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: p.actor("admin"), at: now.adding(days: -1),
                                        context: ctx, newID: 1).get()
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "dlh", changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: Workflow.evolve(nil, r), by: p.actor("admin"), at: now.adding(days: -1).adding(seconds: 60), context: ctx).get()
            return [try Self.followedUp(p, now, days: 2, title: "Obat habis di puskesmas"), [r, v]]
        }
        // Disposed but not yet followed up: its running deadline is the first follow-up's.
        let office = String(decoding: readFile(p.officeFile) ?? [], as: UTF8.self)
        let changed = p.desk.scratch.write("office2.json", office.replacing("dr. Andi Pratama", with: "dr. Andi Pratama, Sp.KM")
            .replacing("\"autoClose\": { \"days\": 10,", with: "\"autoClose\": { \"days\": 20,"))
        func siti(_ args: [String]) -> ProcessResult {
            AduanBinary.run(args + ["--store", p.operatorURI("siti")], env: ["PGPASSFILE": p.passfile, "ADUAN_PG_WRITER_TIMEOUT": "5"], in: p.desk.scratch)
        }
        func versions() throws -> Int64 { try Self.count(owner, "SELECT count(*) AS n FROM aduan.office_versions") }
        let autoCloseBefore = try Self.count(owner, "SELECT auto_close_at AS n FROM aduan.complaints WHERE id = 1")

        let preview = siti(["office", "apply", changed, "--as", "admin", "--lang", "en"])
        #expect(preview.status != 0 && preview.stdout.contains("autoClose: 10 working days → 20 working days"), "\(preview.stdout) \(preview.stderr)")
        let liaison = p.run("andi", ["office", "apply", changed, "--yes"])
        #expect(liaison.status != 0 && liaison.stderr.contains("admin"), "\(liaison.stderr)")
        let noWriter = siti(["office", "apply", changed, "--yes", "--as", "admin", "--lang", "id"])
        #expect(noWriter.status != 0 && noWriter.stderr.contains("tidak ada penulis"), "\(noWriter.stderr)")
        #expect(try versions() == 1, "nothing recorded")

        let serve = AduanBinary.spawn(AduanBinary.path, ["serve", "--store", p.owner], env: [:], stdin: nil, scratch: p.desk.scratch)
        defer { kill(serve.pid, SIGTERM); _ = serve.wait() }
        var waited = 0
        while try Self.count(owner, "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 0 && waited < 100 {
            usleep(50_000)
            waited += 1
        }
        let applied = siti(["office", "apply", changed, "--yes", "--as", "admin", "--lang", "en"])
        #expect(applied.status == 0 && applied.stdout.contains("Recorded office version 2 by admin (login \(p.tag)_siti)")
                && applied.stdout.contains("2 open complaint(s), 1 moved"), "\(applied.stdout) \(applied.stderr)")
        let v2 = try owner.query("SELECT applied_by, login FROM aduan.office_versions WHERE version = 2")
        #expect(v2.text(0, "applied_by") == "admin" && v2.text(0, "login") == "\(p.tag)_siti")
        let autoCloseAfter = try Self.count(owner, "SELECT auto_close_at AS n FROM aduan.complaints WHERE id = 1")
        #expect(autoCloseAfter > autoCloseBefore + 9 * 86_400, "the auto-close moved 10 working days later: \(autoCloseBefore) → \(autoCloseAfter)")
        #expect(p.run("andi", ["office", "show"]).stdout.contains("dr. Andi Pratama, Sp.KM"))
        // Applying the same document again changes nothing.
        let again = siti(["office", "apply", changed, "--yes", "--as", "admin", "--lang", "en"])
        #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
        #expect(try versions() == 2)

        // A unit that still holds a report cannot leave the directory: the writer refuses, naming it.
        let dlh = "        { \"id\": \"dlh\", \"name\": \"Dinas Lingkungan Hidup\", \"short\": \"DLH\" },\n"
        let secondOffice = String(decoding: readFile(changed) ?? [], as: UTF8.self)
        try #require(secondOffice.contains(dlh))
        let removed = p.desk.scratch.write("office3.json", secondOffice.replacing(dlh, with: ""))
        let removal = siti(["office", "apply", removed, "--yes", "--as", "admin", "--lang", "en"])
        #expect(removal.status != 0 && removal.stderr.contains("dlh (1)"), "\(removal.stdout) \(removal.stderr)")
        #expect(try versions() == 2, "nothing recorded")

        // The writer acts with the new office's operators: Andi's next note carries his new name.
        let note = p.run("andi", ["act", "1", "note", "--text", "Cek stok gudang."])
        #expect(note.status == 0, "\(note.stderr)")
        let body = try owner.query("SELECT body FROM aduan.events WHERE complaint_id = 1 ORDER BY version DESC LIMIT 1").text(0, "body") ?? ""
        #expect(body.contains("dr. Andi Pratama, Sp.KM"), "\(body)")
        kill(serve.pid, SIGTERM)
        _ = serve.wait()
        let verify = p.run("owner", ["verify"])
        #expect(verify.status == 0, "the projections agree with a replay under the new office: \(verify.stdout) \(verify.stderr)")
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

    /// A report verified and disposed `days` ago and never answered: its warnings and escalations fall due.
    static func unanswered(_ p: Province, _ now: Timestamp, days: Int, title: String) throws -> [Event] {
        let ctx = p.config.context
        let at = now.adding(days: -days)
        let intake = Intake(title: title, body: "Mohon ditindaklanjuti.", reporter: Reporter(name: "Rudi"))
        let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: p.actor("admin"), at: at, context: ctx, newID: 1).get()
        let c = Workflow.evolve(nil, r)
        let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false))),
                                    on: c, by: p.actor("admin"), at: at.adding(seconds: 60), context: ctx).get()
        return [r, v]
    }

    @Test func sweepRecordsEscalationsAsTheOwnerAtTheServersClockOnceAndRefusesAnOperatorInBothLanguages() throws {
        try requireBinary()
        let (p, owner) = try Self.province { p, now in [try Self.unanswered(p, now, days: 40, title: "Jalan berlubang")] }
        let ctx = p.config.context
        let c = try #require(try PGStore.complaint(1, on: owner))
        let levels = ctx.escalation.due(for: c, at: Timestamp(seconds: Int64(time(nil))), deadlines: ctx.deadlines, calendar: ctx.calendar).count
        #expect(levels >= 2, "the fixture is past several levels")

        let refused = p.run("andi", ["sweep"])
        #expect(refused.status != 0 && refused.stderr.contains("runs as the store's owner") && refused.stderr.contains("warnings and escalations"),
                "\(refused.stderr)")
        let ditolak = AduanBinary.run(["sweep", "--store", p.operatorURI("andi"), "--lang", "id"],
                                      env: ["PGPASSFILE": p.passfile, "ADUAN_PG_WRITER_TIMEOUT": "5"], in: p.desk.scratch)
        #expect(ditolak.status != 0 && ditolak.stderr.contains("dijalankan sebagai pemilik penyimpanan"), "\(ditolak.stderr)")
        #expect(try Self.count(owner, "SELECT count(*) AS n FROM aduan.events") == 2, "nothing written by the refusals")

        let swept = p.run("owner", ["sweep"])
        #expect(swept.status == 0 && swept.stdout.contains("\(levels) warning(s) and escalation(s) recorded"), "\(swept.stdout) \(swept.stderr)")
        let e = try owner.query("""
            SELECT count(*) AS n, count(*) FILTER (WHERE actor_id = 'system') AS bysystem,
                   max(abs(at - floor(extract(epoch FROM now()))::bigint)) AS skew FROM aduan.events WHERE kind = 'escalate'
            """)
        #expect(e.int64(0, "n") == Int64(levels) && e.int64(0, "bysystem") == Int64(levels))
        #expect((e.int64(0, "skew") ?? 99) < 30, "the events carry the server's time")
        let again = p.run("owner", ["sweep"])
        #expect(again.status == 0 && again.stdout.contains("0 warning(s) and escalation(s) recorded"), "\(again.stdout) \(again.stderr)")
        #expect(try PGStore(owner, context: ctx).firstBrokenLink() == nil)
    }
}
