import AduanCore
import AduanTestSupport
import Glibc
import Testing

/// Issue 13, section 2 and ADUAN_NOW: an operator is the one bound to the Unix account running
/// `aduan`; `--as` chooses only among one's own operators, except on a training store; the clock
/// can be frozen only on a training store; every event records the login that wrote it.
@Suite(.serialized) struct AuthenticatedOperatorTests {
    static let canRunAsNobody = getuid() == 0 && access("/usr/sbin/runuser", X_OK) == 0

    /// An office in which the runner's account wears two hats (admin and tl-dinkes) and the
    /// directory's default operator is someone else's.
    static func twoHatsConfig(_ desk: Desk, defaultOperator: String = "admin") -> String {
        var text = BuiltInConfig.json
            .replacing("\"logins\": [\"siti\"]", with: "\"logins\": [\"siti\", \"\(runnerLogin)\"]")
            .replacing("\"logins\": [\"andi\"]", with: "\"logins\": [\"andi\", \"\(runnerLogin)\"]")
        text = text.replacing("\"defaultOperator\": \"admin\"", with: "\"defaultOperator\": \"\(defaultOperator)\"")
        return desk.scratch.write("kantor-\(defaultOperator).json", text)
    }

    /// The real clock (no ADUAN_NOW), as on an office store.
    static let realClock = ["ADUAN_NOW": ""]

    /// An office store (not training) created by the runner, with one anonymous report in it.
    static func officeStore(_ desk: Desk, config: String) throws -> Int64 {
        let made = desk.run(["init", "--config", config, "--lang", "en"], env: realClock)
        try #require(made.status == 0, "init: \(made.stderr)")
        #expect(made.stdout.contains("Created an empty store"))
        let r = desk.run(["act", "new", "receive", "--title", "Pungli di loket", "--reporter-name", "Sri Wahyuni",
                          "--anonymous", "yes"], as: "admin", env: realClock)
        try #require(r.status == 0, "receive: \(r.stderr)")
        return try #require(complaintID(in: r.stdout))
    }

    @Test(.enabled(if: canRunAsNobody, "needs root and runuser to run as another account"))
    func anAccountBoundToNoOperatorIsRefusedAndReadsNothing() throws {
        try requireBinary()
        let desk = Desk("auth-unbound")
        let config = Self.twoHatsConfig(desk)
        let id = try Self.officeStore(desk, config: config)
        // World-readable on purpose: the file permissions do not stop this account, the directory does.
        chmod(desk.scratch.path, 0o755)
        chmod(desk.store, 0o644)
        for extra in [["--as", "admin"], []] {
            let args = ["show", "\(id)", "--store", desk.store, "--lang", "en"] + extra
            let r = AduanBinary.run("/usr/sbin/runuser", ["-u", "nobody", "--", AduanBinary.path] + args,
                                    env: [:], stdin: nil, scratch: desk.scratch)
            expectNoCrash(r, args)
            #expect(r.status == 2, "\(extra): exit \(r.status): \(r.stderr)")
            #expect(r.stdout.isEmpty, "an unbound account read: \(r.stdout)")
            #expect(!r.stderr.contains("Sri Wahyuni") && !r.stderr.contains("Pungli"))
            #expect(r.stderr.contains("\"nobody\"") && r.stderr.contains("not bound"), "\(r.stderr)")
            #expect(r.stderr.contains("aduan office apply"), "the refusal should say who can add the account: \(r.stderr)")
        }
        // In Indonesian too.
        let id2 = AduanBinary.run("/usr/sbin/runuser", ["-u", "nobody", "--", AduanBinary.path, "list", "--store", desk.store, "--lang", "id"],
                                  env: [:], stdin: nil, scratch: desk.scratch)
        #expect(id2.status == 2)
        #expect(id2.stderr.contains("tidak terikat") && id2.stderr.contains("aduan office apply"), "\(id2.stderr)")
        // The bound account still reads it.
        #expect(desk.run(["show", "\(id)"], as: "admin", env: Self.realClock).status == 0)
    }

    @Test func asAnotherPersonsOperatorIsRefusedOnAnOfficeStoreAndAllowedOnATrainingStore() throws {
        try requireBinary()
        let desk = Desk("auth-as")
        let config = Self.twoHatsConfig(desk)
        let id = try Self.officeStore(desk, config: config)
        let before = desk.snapshot(config: config)
        // Another person's operator: refused, and nothing is read or written.
        for (op, args) in [("pengawas", ["show", "\(id)"]), ("admin-prov", ["list"]), ("tl-pupr", ["act", "\(id)", "note", "--text", "x"])] {
            let r = desk.run(args + ["--lang", "en"], as: op, env: Self.realClock)
            #expect(r.status == 2, "--as \(op) \(args): exit \(r.status)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("--as \"\(op)\"") && r.stderr.contains("\"admin\", \"tl-dinkes\""), "\(r.stderr)")
        }
        let idText = desk.run(["list", "--lang", "id"], as: "pengawas", env: Self.realClock)
        #expect(idText.status == 2 && idText.stderr.contains("milik akun lain"), "\(idText.stderr)")
        #expect(desk.snapshot(config: config) == before)
        // One's own hats: both work; without --as the default (admin) is among them.
        #expect(desk.run(["list"], as: "tl-dinkes", env: Self.realClock).status == 0)
        let mine = desk.run(["report", "--format", "json"], env: Self.realClock)
        #expect(mine.status == 0)
        #expect(mine.stdout.contains("\"operator\": \"admin\""), "\(mine.stdout.prefix(200))")
        // A default that is not among one's own hats: choose with --as, with the choices named.
        let other = Self.twoHatsConfig(desk, defaultOperator: "pengawas")
        let otherStore = desk.scratch.file("other.db")
        #expect(desk.run(["init", "--config", other], as: "admin", env: Self.realClock, store: otherStore).status == 0)
        let ambiguous = desk.run(["list", "--lang", "en"], env: Self.realClock, store: otherStore)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("\"admin\", \"tl-dinkes\"") && ambiguous.stderr.contains("--as"), "\(ambiguous.stderr)")
        // Demo data and the training mark never go into an office store.
        let demo = desk.run(["demo", "--count", "2", "--lang", "en"], env: Self.realClock)
        #expect(demo.status == 2 && demo.stderr.contains("office store"), "\(demo.stderr)")
        let mark = desk.run(["init", "--training", "--lang", "en"], env: Self.realClock)
        #expect(mark.status == 2 && mark.stderr.contains("office store"), "\(mark.stderr)")
        #expect(desk.snapshot(config: config) == before)

        // A training store: anyone may be anyone, and it says so on stderr only.
        let training = Desk("auth-as-training")
        try training.initStore()
        let tid = try training.receive("Lampu jalan mati", as: "admin")
        for op in ["admin-prov", "pengawas", "tl-dinkes", "admin"] {
            let r = training.run(["list", "--lang", "en"], as: op)
            #expect(r.status == 0, "--as \(op) on a training store: \(r.stderr)")
            #expect(!r.stdout.contains("TRAINING") && r.stderr.isEmpty, "stdout stays what scripts parse")
        }
        let csv = training.run(["export"], as: "pengawas")
        #expect(csv.status == 0 && csv.stdout.contains("Lampu jalan mati") && !csv.stdout.contains("TRAINING"))
        let json = training.run(["report", "--format", "json"], as: "pengawas")
        #expect(json.stdout.contains("\"training\": true"), "\(json.stdout.prefix(300))")
        // At a terminal every command ends by saying it, in the session's language.
        for (lang, word) in [("id", "PELATIHAN"), ("en", "TRAINING")] {
            let command = "'\(AduanBinary.path)' show \(tid) --store '\(training.store)' --as admin --lang \(lang)"
            let tty = AduanBinary.run("/usr/bin/script", ["-qec", command, "/dev/null"], env: ["ADUAN_NOW": fixedNow], stdin: nil, scratch: training.scratch)
            #expect(tty.stdout.contains(word), "\(tty.stdout)")
        }
    }

    @Test func frozenClockIsRefusedOnAnOfficeStoreAndHonouredOnATrainingStore() throws {
        try requireBinary()
        let desk = Desk("auth-clock")
        let config = Self.twoHatsConfig(desk)
        let id = try Self.officeStore(desk, config: config)
        let before = desk.snapshot(config: config)
        for args in [["act", "\(id)", "verify", "--unit", "dinkes"], ["auto-close"], ["list"], ["act", "new", "receive", "--title", "x"], ["report"]] {
            let r = desk.run(args + ["--lang", "en"], as: "admin", env: ["ADUAN_NOW": "2099-01-05T10:00:00+07:00"])
            #expect(r.status == 2, "\(args) with ADUAN_NOW on an office store: exit \(r.status)")
            #expect(r.stderr.contains("ADUAN_NOW") && r.stderr.contains("office store"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(desk.snapshot(config: config) == before)
        // Creating an office store with a frozen clock is refused before any file is made.
        let fresh = desk.scratch.file("baru.db")
        let made = desk.run(["init", "--config", config, "--lang", "en"], store: fresh)
        #expect(made.status == 2 && made.stderr.contains("ADUAN_NOW"))
        #expect(!fileExists(fresh))

        // On a training store the frozen moment is the event's time.
        let training = Desk("auth-clock-training")
        try training.initStore()
        let tid = try training.receive("Lampu jalan mati")
        let json = training.run(["export", "--format", "json"], as: "admin")
        let events = try #require(try parseJSONArray(json.stdout).first?["events"]?.array)
        #expect(text(events.first?["at"]) == fixedNow)
        #expect(training.run(["act", "\(tid)", "verify", "--unit", "dinkes"], as: "admin", env: ["ADUAN_NOW": "2026-11-24T10:00:00+07:00"]).status == 0)
    }

    @Test func eventsCarryTheAuthenticatedLogin() throws {
        try requireBinary()
        let desk = Desk("auth-login")
        let config = Self.twoHatsConfig(desk)
        let id = try Self.officeStore(desk, config: config)
        #expect(desk.run(["act", "\(id)", "verify", "--unit", "dinkes"], as: "admin", env: Self.realClock).status == 0)
        #expect(desk.run(["act", "\(id)", "note", "--text", "Sudah dicek"], as: "tl-dinkes", env: Self.realClock).status == 0)
        let json = desk.run(["export", "--format", "json"], as: "admin", env: Self.realClock)
        let events = try #require(try parseJSONArray(json.stdout).first?["events"]?.array)
        #expect(events.count == 3)
        for e in events {
            #expect(text(e["login"]) == runnerLogin, "event without the login: \(e.plain)")
        }
        #expect(events.map { text($0["actor"]?["id"]) } == ["admin", "admin", "tl-dinkes"])
        let shown = desk.run(["show", "\(id)", "--lang", "en"], as: "admin", env: Self.realClock)
        #expect(shown.stdout.contains("account \(runnerLogin)"), "\(shown.stdout)")
        let verify = desk.run(["verify", "--lang", "en"], as: "admin", env: Self.realClock)
        #expect(verify.status == 0, "\(verify.stdout)")
        // Demo and import write the login too.
        let training = Desk("auth-login-demo")
        try training.demo(count: 3)
        let demo = training.run(["export", "--format", "json"], as: "monitor-kominfo")
        let all = try parseJSONArray(demo.stdout).flatMap { $0["events"]?.array ?? [] }
        #expect(!all.isEmpty && all.allSatisfy { text($0["login"]) == runnerLogin })
    }
}

extension Desk {
    /// A snapshot read through a given config (the office's own, on an office store).
    func snapshot(config: String) -> StoreSnapshot {
        let list = run(["list", "--order", "received"], as: "admin", env: ["ADUAN_NOW": ""])
        let verify = run(["verify", "--lang", "en"], as: "admin", env: ["ADUAN_NOW": ""])
        return StoreSnapshot(list: list.stdout, listStatus: list.status, events: eventCount(verify.stdout),
                             verifyStatus: verify.status, bytes: readFile(store))
    }
}
