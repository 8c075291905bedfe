import AduanCore
import AduanStore
import AduanTestSupport
import Glibc
import Testing

/// The command line on a PostgreSQL store (issue 14): the same commands as on SQLite, through
/// one store contract. The store's owner makes it (`init --office`) and runs its writer
/// (`serve`); two operators of two offices connect as their own database roles over TCP with
/// SCRAM (passwords in a 0600 PGPASSFILE) and each lists, shows and acts on what it may.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PostgresCLITests {
    static func env(_ name: String) -> String { String(cString: getenv(name)) }

    /// A fresh database owned by a fresh non-superuser role, an office whose logins are this
    /// test's roles, and a passfile for the operators' roles.
    final class Province {
        let tag = "j" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        let host = PostgresCLITests.env("ADUAN_TEST_PGHOST"), port = PostgresCLITests.env("ADUAN_TEST_PGPORT")
        let desk = Desk("pg-cli", training: false)
        var owner: String { "postgresql://\(tag)_owner@/\(tag)?host=\(host)&port=\(port)" }
        func operatorURI(_ login: String) -> String { "postgresql://\(tag)_\(login)@127.0.0.1:\(port)/\(tag)?sslmode=disable" }
        let officeFile: String
        let passfile: String
        let config: OfficeConfig

        init() throws {
            let su = try PGConnection(parameters: [("host", host), ("port", port), ("user", "postgres"), ("dbname", "postgres")])
            try su.execute("CREATE ROLE \(tag)_owner LOGIN CREATEROLE")
            try su.execute("CREATE DATABASE \(tag) OWNER \(tag)_owner")
            let office = BuiltInConfig.json.replacing("\"logins\": [\"", with: "\"logins\": [\"\(tag)_")
                .replacing("\"kominfo\"]", with: "\"\(tag)_kominfo\"]")
            officeFile = desk.scratch.write("office.json", office)
            config = try OfficeConfig.parse(Array(office.utf8), file: "office.json").get()
            // Passwords for the two operators who connect from "other machines".
            var lines: [String] = []
            for login in ["andi", "dewi", "siti"] {
                let password = "pw-" + String(UInt64.random(in: 0..<(1 << 60)), radix: 36)
                try su.execute("CREATE ROLE \(tag)_\(login) LOGIN")
                try su.execute("ALTER ROLE \(tag)_\(login) PASSWORD \(PGConnection.quoteLiteral(password))")
                lines.append("127.0.0.1:\(port):\(tag):\(tag)_\(login):\(password)")
            }
            passfile = desk.scratch.write("pgpass", lines.joined(separator: "\n") + "\n")
            chmod(passfile, 0o600)
        }

        func ownerConnection() throws -> PGConnection {
            try PGConnection(parameters: [("host", host), ("port", port), ("user", "\(tag)_owner"), ("dbname", tag)])
        }

        func actor(_ id: String) -> Actor { config.operators.first { $0.id == id }! }

        /// With the store made (`init`): its database roles created, then `stories`, told at the
        /// real clock's now, loaded as the owner: where the report and export agreement tests start.
        func loadStories(_ stories: (Province, Timestamp) throws -> [[Event]]) throws -> (histories: [[Event]], now: Timestamp) {
            let owner = try ownerConnection()
            try owner.execute(run("owner", ["office", "roles"]).stdout)
            let now = Timestamp(seconds: Int64(time(nil)))
            let histories = try stories(self, now)
            try PGStore(owner, context: config.context).insertHistories(histories)
            return (histories, now)
        }

        /// A SQLite office store (a `Desk` named `name`) holding the same `histories`, its office
        /// the same but for the logins: the side the agreement tests compare PostgreSQL with.
        func sqliteTwin(_ name: String, holding histories: [[Event]]) throws -> Desk {
            let desk = Desk(name, training: false)
            let made = desk.run(["init", "--lang", "en"], env: ["ADUAN_NOW": ""])
            try #require(made.status == 0, "\(made.stderr)")
            try ComplaintStore.open(path: desk.store, context: config.context).insertHistories(histories)
            return desk
        }

        /// `aduan ARGS --store (login's URI)` with the passfile; the clock is the real one (office store).
        func run(_ login: String, _ args: [String]) -> ProcessResult {
            let store = login == "owner" ? owner : operatorURI(login)
            return AduanBinary.run(args + ["--store", store, "--lang", "en"],
                                   env: ["PGPASSFILE": passfile, "ADUAN_PG_WRITER_TIMEOUT": "5"], in: desk.scratch)
        }
    }

    @Test func twoOfficesOnTwoLoginsEachSeeOnlyWhatTheyMayAndAForwardArrives() throws {
        try requireBinary()
        let p = try Province()
        let made = p.run("owner", ["init", "--office", p.officeFile])
        try #require(made.status == 0, "init: \(made.stderr)")
        #expect(made.stdout.contains("Created the store"))
        #expect(p.run("owner", ["init", "--office", p.officeFile]).status != 0, "a second init is refused")
        let owner = try p.ownerConnection()
        // Before the roles script ran, verify names each login without its policies, in the session's language.
        let unguarded = AduanBinary.run(["verify", "--store", p.owner, "--lang", "id"], in: p.desk.scratch)
        #expect(unguarded.status == 1 && unguarded.stdout.contains("keamanan: login \(p.tag)_andi tidak punya kebijakan pada aduan.complaints"),
                "\(unguarded.stdout) \(unguarded.stderr)")
        // A role the roles script has not reached yet may not use the store, and is told why.
        let early = p.run("andi", ["list"])
        #expect(early.status == 2 && early.stderr.contains("\(p.tag)_andi may not use this store") && early.stderr.contains("aduan office roles"),
                "\(early.stderr)")
        // The roles and policies for the office the store keeps, printed by the owner's aduan.
        let roles = p.run("owner", ["office", "roles"])
        try #require(roles.status == 0, "office roles: \(roles.stderr)")
        try owner.execute(roles.stdout)
        // Two reports as an import would load them: one held by Dinas Kesehatan, one by PUPR.
        let admin = p.actor("admin")
        var histories: [[Event]] = []
        for (title, unit) in [("Pungutan liar di puskesmas", "dinkes"), ("Jalan berlubang di Desa Mekarsari", "pupr"),
                                ("Ijazah SMA tertahan di sekolah", "dinkes")] {
            let intake = Intake(title: title, body: "Mohon ditindaklanjuti.", reporter: Reporter(name: "Siti Aminah", phone: "081234567890"))
            let at = Timestamp(seconds: Int64(time(nil)) - 3_600)  // recent: the writer records no escalation on it (issue 15 on PostgreSQL)
            let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: admin, at: at, context: p.config.context, newID: 1).get()
            let c = Workflow.evolve(nil, r)
            let v = try Workflow.decide(Command(.verify, ActionDetails(unit: unit, changes: ClassificationChange(anonymous: false, confidential: false))),
                                        on: c, by: admin, at: at.adding(seconds: 60), context: p.config.context).get()
            histories.append([r, v])
        }
        try PGStore(owner, context: p.config.context).insertHistories(histories)

        // Each login lists and shows only what it may.
        let andiList = p.run("andi", ["list"])
        #expect(andiList.status == 0, "\(andiList.stderr)")
        #expect(andiList.stdout.contains("Pungutan liar") && andiList.stdout.contains("Ijazah SMA") && !andiList.stdout.contains("Jalan berlubang"), "\(andiList.stdout)")
        #expect(p.run("andi", ["show", "1"]).stdout.contains("Siti Aminah"), "the holder's liaison reads the reporter")
        let hidden = p.run("andi", ["show", "2"])
        #expect(hidden.status == 1 && hidden.stderr.contains("#2"), "another unit's report is not found: \(hidden.stderr)")
        let dewiBefore = p.run("dewi", ["list"])
        #expect(dewiBefore.status == 0 && dewiBefore.stdout.isEmpty, "the province sees nothing yet: \(dewiBefore.stdout) \(dewiBefore.stderr)")

        // Without a writer an action is refused and nothing is queued.
        let noWriter = p.run("andi", ["act", "1", "follow-up", "--text", "Petugas sudah ditegur."])
        #expect(noWriter.status == 2 && noWriter.stderr.contains("no writer is running"), "\(noWriter.stderr)")
        #expect(try owner.query("SELECT count(*) AS n FROM aduan.commands").int64(0, "n") == 0)

        // The owner's writer, in the background.
        let serve = AduanBinary.spawn(AduanBinary.path, ["serve", "--store", p.owner, "--lang", "en"], env: [:], stdin: nil, scratch: p.desk.scratch)
        var serveStopped = false
        defer { if !serveStopped { kill(serve.pid, SIGTERM); _ = serve.wait() } }
        func waitForWriter(notPid old: Int64 = 0) throws -> Bool {
            for _ in 0..<200 {
                if try (owner.query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                                    [.int(old)]).int64(0, "n") ?? 0) > 0 { return true }
                usleep(50_000)
            }
            return false
        }
        try #require(try waitForWriter(), "the writer did not start")

        // A new report received at the desk: the writer gives it the next number.
        let received = p.run("siti", ["act", "new", "receive", "--title", "Lampu jalan mati di Desa Mekarsari", "--reporter-name", "Budi Hartono", "--as", "admin"])
        #expect(received.status == 0 && received.stdout.contains("#4 "), "\(received.stdout) \(received.stderr)")
        #expect(p.run("siti", ["show", "4", "--as", "admin"]).stdout.contains("Budi Hartono"))
        #expect(p.run("dewi", ["show", "4"]).status == 1, "the province does not open the kabupaten's new report")

        // A planted anonymous reporter: after verification to Dinas Kesehatan, only the receiving
        // agency's admin reads the identity; no other login finds it in any list or show output.
        let planted = p.run("siti", ["act", "new", "receive", "--title", "Pungli di loket KTP", "--reporter-name", "Wulan Tersembunyi",
                                     "--reporter-phone", "081299990000", "--anonymous", "yes", "--as", "admin"])
        #expect(planted.status == 0 && planted.stdout.contains("#5 "), "\(planted.stdout) \(planted.stderr)")
        let verified = p.run("siti", ["act", "5", "verify", "--unit", "dinkes", "--anonymous", "yes", "--confidential", "no", "--as", "admin"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(p.run("siti", ["show", "5", "--as", "admin"]).stdout.contains("Wulan Tersembunyi"), "the receiving admin reads it")
        for login in ["andi", "dewi"] {
            for args in [["list"], ["show", "5"], ["list", "anonymous"]] {
                let r = p.run(login, args)
                for secret in ["Wulan Tersembunyi", "081299990000"] {
                    #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret), "\(login) \(args) shows the anonymous reporter")
                }
            }
        }
        #expect(p.run("andi", ["show", "5"]).stdout.contains("Pungli di loket KTP"), "the holding liaison opens the report itself")

        let followUp = p.run("andi", ["act", "1", "follow-up", "--text", "Petugas sudah ditegur.", "--expect-version", "2"])
        #expect(followUp.status == 0 && followUp.stdout.contains("version 3"), "\(followUp.stdout) \(followUp.stderr)")
        // The office admin raises the priority; Andi's follow-up, still on version 3, is refused, told who changed what.
        let note = p.run("siti", ["act", "1", "classify", "--priority", "high", "--as", "admin"])
        #expect(note.status == 0, "\(note.stderr)")
        let stale = p.run("andi", ["act", "1", "follow-up", "--text", "Uang sudah dikembalikan.", "--expect-version", "3"])
        #expect(stale.status == 1 && stale.stderr.contains("Siti Rahmawati (admin)") && stale.stderr.contains("version 3 → 4"), "\(stale.stderr)")
        #expect(try owner.query("SELECT count(*) AS n FROM aduan.events WHERE complaint_id = 1").int64(0, "n") == 4, "nothing written by the stale action")

        // The writer's connection dies (a restarted server, a terminated backend): it connects again by itself.
        let su = try PGConnection(parameters: [("host", p.host), ("port", p.port), ("user", "postgres"), ("dbname", p.tag)])
        let writerPid = try su.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'aduan serve' AND datname = $1",
                                     [.text(p.tag)]).int64(0, "pid") ?? 0
        let killed = try su.query("SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = 'aduan serve' AND datname = $1",
                                  [.text(p.tag)]).int64(0, "n")
        #expect(killed == 1)
        try #require(try waitForWriter(notPid: writerPid), "the writer did not come back")

        // A forward from the kabupaten's liaison arrives at the province (SMA is the province's).
        let forward = p.run("andi", ["act", "3", "forward", "--agency", "pemprov-jatim", "--reason", "Kewenangan provinsi"])
        #expect(forward.status == 0, "\(forward.stdout) \(forward.stderr)")
        let dewiAfter = p.run("dewi", ["list"])
        #expect(dewiAfter.stdout.hasPrefix("3\t") && dewiAfter.stdout.split(separator: "\n").count == 1, "\(dewiAfter.stdout) \(dewiAfter.stderr)")
        #expect(p.run("dewi", ["show", "3"]).stdout.contains("Ijazah SMA"))
        // The same store named by "store" in Dewi's personal config instead of --store.
        let personal = p.desk.scratch.write("dewi.json", "{ \"store\": \"\(p.operatorURI("dewi"))\", \"language\": \"en\" }")
        let viaConfig = AduanBinary.run(["list", "--config", personal], env: ["PGPASSFILE": p.passfile], in: p.desk.scratch)
        #expect(viaConfig.status == 0 && viaConfig.stdout == dewiAfter.stdout, "\(viaConfig.stdout) \(viaConfig.stderr)")
        #expect(p.run("dewi", ["show", "1"]).status == 1, "the province does not open the kabupaten's other reports")
        let andiAfter = p.run("andi", ["list"]).stdout
        #expect(andiAfter.contains("Pungutan liar") && !andiAfter.contains("Ijazah SMA"), "no longer in Andi's working inbox: \(andiAfter)")
        #expect(p.run("andi", ["list", "forwarded"]).stdout.contains("Ijazah SMA"), "Andi still finds what he forwarded")

        kill(serve.pid, SIGTERM)
        let served = serve.wait()
        serveStopped = true
        #expect(served.stderr.contains("lost its connection") && served.stderr.contains("connected again"), "\(served.stderr)")

        let verify = p.run("owner", ["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("Intact"), "\(verify.stdout) \(verify.stderr)")
        let backup = p.run("owner", ["backup", "aduan.dump"])
        #expect(backup.status == 1 && backup.stderr.contains("pg_dump -n aduan"), "\(backup.stderr)")
    }

    @Test func aPasswordOnTheCommandLineIsRefusedBeforeAnythingConnects() throws {
        try requireBinary()
        let desk = Desk("pg-password", training: false)
        for lang in ["en", "id"] {
            let r = AduanBinary.run(["list", "--store", "postgresql://andi:rahasia@127.0.0.1:1/aduan", "--lang", lang], in: desk.scratch)
            #expect(r.status == 2 && !r.stderr.contains("rahasia"), "\(r.stderr)")
            #expect(r.stderr.contains("PGPASSFILE"), "\(r.stderr)")
        }
    }

    /// SIGKILL of a real `aduan serve` in the middle of a queue of actions: every action it
    /// acknowledged (outcome written) has its event, none in flight left anything half-written, the
    /// rest wait, and the next writer settles them; the chain stays whole.
    @Test func aWriterKilledWithSIGKILLLosesNothingAcknowledged() throws {
        try requireBinary()
        let p = try Province()
        try #require(p.run("owner", ["init", "--office", p.officeFile]).status == 0)
        let owner = try p.ownerConnection()
        try owner.execute(p.run("owner", ["office", "roles"]).stdout)
        let admin = p.actor("admin")
        let intake = Intake(title: "Antrean obat di puskesmas", body: "Mohon ditindaklanjuti.")
        let at = Timestamp(seconds: Int64(time(nil)) - 3_600)  // recent: the writer records no escalation on it (issue 15 on PostgreSQL)
        let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: admin, at: at, context: p.config.context, newID: 1).get()
        let v = try Workflow.decide(Command(.verify, ActionDetails(unit: "dinkes")), on: Workflow.evolve(nil, r), by: admin,
                                    at: at.adding(seconds: 60), context: p.config.context).get()
        try PGStore(owner, context: p.config.context).insertHistories([[r, v]])
        let andi = try PGConnection(parameters: [("host", "127.0.0.1"), ("port", p.port), ("user", "\(p.tag)_andi"), ("dbname", p.tag),
                                                 ("passfile", p.passfile), ("sslmode", "disable")])
        let total = 200
        for i in 0..<total {
            _ = try PGStore.submit(Command(.note, ActionDetails(text: "Catatan \(i)")), to: 1, expectedVersion: nil, as: "tl-dinkes", on: andi)
        }
        func count(_ sql: String) throws -> Int64 { try owner.query(sql).int64(0, "n") ?? -1 }
        let serve = AduanBinary.spawn(AduanBinary.path, ["serve", "--store", p.owner], env: [:], stdin: nil, scratch: p.desk.scratch)
        // Killed once it has settled some of the queue.
        var waited = 0
        while try count("SELECT count(*) AS n FROM aduan.commands WHERE outcome IS NOT NULL") < 20 && waited < 400 {
            usleep(10_000)
            waited += 1
        }
        kill(serve.pid, SIGKILL)
        _ = serve.wait()
        usleep(300_000)
        let done = try count("SELECT count(*) AS n FROM aduan.commands WHERE outcome = 'done'")
        let pending = try count("SELECT count(*) AS n FROM aduan.commands WHERE outcome IS NULL")
        #expect(done > 0, "the writer settled some before it was killed")
        #expect(try count("SELECT count(*) AS n FROM aduan.commands WHERE outcome IS NOT NULL AND outcome <> 'done'") == 0)
        #expect(try count("SELECT count(*) AS n FROM aduan.events WHERE complaint_id = 1") == 2 + done, "every acknowledged action has its event, no other")
        #expect(done + pending == Int64(total))
        #expect(try count("SELECT version AS n FROM aduan.complaints WHERE id = 1") == 2 + done)

        // The next writer settles the rest.
        let again = AduanBinary.spawn(AduanBinary.path, ["serve", "--store", p.owner], env: [:], stdin: nil, scratch: p.desk.scratch)
        waited = 0
        while try count("SELECT count(*) AS n FROM aduan.commands WHERE outcome IS NULL") > 0 && waited < 600 {
            usleep(20_000)
            waited += 1
        }
        kill(again.pid, SIGTERM)
        _ = again.wait()
        #expect(try count("SELECT count(*) AS n FROM aduan.events WHERE complaint_id = 1") == Int64(2 + total))
        let verify = p.run("owner", ["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("Intact"), "\(verify.stdout) \(verify.stderr)")
        print("SIGKILL writer: \(done) of \(total) settled before the kill, \(pending) left pending, all settled after")
    }
}
