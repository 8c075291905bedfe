import AduanCore
import AduanStore
@testable import AduanTUI
import AduanTestSupport
import Glibc
import Testing

/// The screen on a PostgreSQL store as each role (issue 14; the house rule "try it at 80x24 and at
/// 200x60, on both stores, and as each role"): the real binary in tmux, connected as the
/// operator's own database role. Four reports with Indonesian text, a long title and wide
/// characters, each with a planted reporter (name, phone, NIK) and a confidential one with a
/// planted secret word. For the admin, a liaison, a unit operator and a supervisor, at both
/// sizes: the inbox lists what the core says the role holds; every report the role may open is
/// opened and shows its reporter exactly when the core lets the role see it; Tenggat and the
/// dashboard are looked at too; and every pane captured is searched for every planted name, NIK,
/// phone and secret the role may not see. An empty store opens on every view at both sizes.
@Suite(.enabled(if: getenv("ADUAN_TEST_PGHOST") != nil && getenv("ADUAN_TEST_PGPORT") != nil,
                "needs PostgreSQL: run ./scripts/test (or scripts/pg-cluster run swift test)"), .serialized)
struct PostgresRoleScreenTests {
    struct Planted {
        let title: String
        /// What the inbox row shows of the title at 80 columns (its start).
        let titleStart: String
        let body: String
        let unit: String
        let anonymous: Bool
        let confidential: Bool
        let reporter: Reporter
        /// A word only in the body (for confidential reports: the secret).
        let bodyWord: String
        /// Forwarded to this agency instead of disposed to `unit` (the office held it before).
        var forwardTo: String? = nil
    }

    static let planted: [Planted] = [
        Planted(title: "Pungutan liar di Puskesmas Karangrejo: petugas loket meminta Rp50.000 untuk surat rujukan BPJS yang seharusnya gratis bagi peserta JKN",
                titleStart: "Pungutan liar", body: "Saya diminta membayar di loket pendaftaran. Mohon ditindaklanjuti.", unit: "dinkes",
                anonymous: false, confidential: false,
                reporter: Reporter(name: "Wayan Sukarelawati", phone: "081399887766", email: "wayan.s@contoh.id", nik: "3578014409870001"),
                bodyWord: "pendaftaran"),
        Planted(title: "道路损坏 Jalan rusak parah di Desa Mekarsari, 穴 lubang sedalam 30 cm",
                titleStart: "道路损坏", body: "Sudah tiga bulan tidak diperbaiki, banyak pengendara jatuh.", unit: "pupr",
                anonymous: true, confidential: false,
                reporter: Reporter(name: "Bambang Tersamarkan", phone: "082155443322", nik: "3578010101800002"),
                bodyWord: "pengendara"),
        Planted(title: "Dugaan penyelewengan dana bantuan obat", titleStart: "Dugaan penyel",
                body: "Kepala gudang farmasi menjual obat program. Kata sandi rahasia: KUNYITASAM.", unit: "dinkes",
                anonymous: false, confidential: true,
                reporter: Reporter(name: "Rahayu Purnamasari", phone: "085711112222", nik: "3578026508900003"),
                bodyWord: "KUNYITASAM"),
        Planted(title: "Antrean panjang di Puskesmas Karangrejo ★ sejak pagi", titleStart: "Antrean panja",
                body: "Hanya satu loket yang buka, lansia menunggu lebih dari tiga jam.", unit: "pkm-karangrejo",
                anonymous: false, confidential: false,
                reporter: Reporter(name: "Nurul Fitriyanti", phone: "087812345678", nik: "3578035505950004"),
                bodyWord: "lansia"),
        Planted(title: "Jalan provinsi Sukamaju–Karangrejo amblas sepanjang 20 meter", titleStart: "Jalan provinsi",
                body: "Longsoran menutup separuh badan jalan provinsi.", unit: "", anonymous: false, confidential: false,
                reporter: Reporter(name: "Slamet Riyadi Wicaksono", phone: "081255550005", nik: "3578011212750005"),
                bodyWord: "Longsoran", forwardTo: "pemprov-jatim"),
    ]

    /// One store for the whole suite: a fresh database and owner, the example office with the
    /// test's role names as logins (the admin's login wears the admin's hat alone), the roles
    /// script applied, the four reports loaded as an import would load them.
    final class Store {
        let tag = "r" + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
        let host = PostgresScreenEndToEndTests.env("ADUAN_TEST_PGHOST"), port = PostgresScreenEndToEndTests.env("ADUAN_TEST_PGPORT")
        let scratch = Scratch("aduan-pg-roles")
        let config: OfficeConfig
        var complaints: [Complaint] = []
        var owner: String { "postgresql://\(tag)_owner@/\(tag)?host=\(host)&port=\(port)" }
        /// Over the cluster's Unix socket (local connections are trusted there) as the login's role.
        func location(_ login: String) -> String { "postgresql://\(tag)_\(login)@/\(tag)?host=\(host)&port=\(port)" }

        init(reports: [Planted]) throws {
            let su = try PGConnection(parameters: [("host", host), ("port", port), ("user", "postgres"), ("dbname", "postgres")])
            try su.execute("CREATE ROLE \(tag)_owner LOGIN CREATEROLE")
            try su.execute("CREATE DATABASE \(tag) OWNER \(tag)_owner")
            let empty = "{\"warnAt\": [], \"steps\": []}"
            let office = "{\"escalation\": {\"verification\": \(empty), \"firstFollowUp\": \(empty), \"resolution\": \(empty), "
                + "\"response\": \(empty), \"externalAfterDays\": null}, "
                + BuiltInConfig.json.drop { $0 != "{" }.dropFirst()
                    .replacing("\"logins\": [\"siti\", \"kominfo\"]", with: "\"logins\": [\"kominfo\"]")
                    .replacing("\"logins\": [\"", with: "\"logins\": [\"\(tag)_")
            let officeFile = scratch.write("office.json", office)
            config = try OfficeConfig.parse(Array(office.utf8), file: "office.json").get()
            let made = run(["init", "--office", officeFile])
            guard made.status == 0 else { throw PostgresError(sqlState: nil, message: "init: \(made.stderr)") }
            let roles = run(["office", "roles"])
            guard roles.status == 0 else { throw PostgresError(sqlState: nil, message: "office roles: \(roles.stderr)") }
            let ownerConn = try PGConnection(parameters: [("host", host), ("port", port), ("user", "\(tag)_owner"), ("dbname", tag)])
            try ownerConn.execute(roles.stdout)
            guard !reports.isEmpty else { return }
            let admin = config.operators.first { $0.id == "admin" }!
            var histories: [[Event]] = []
            for (i, p) in reports.enumerated() {
                let intake = Intake(title: p.title, body: p.body, location: "Kecamatan Karangrejo", reporter: p.reporter)
                let at = Timestamp(seconds: 1_780_000_000 + Int64(i) * 600)
                let r = try Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: admin, at: at, context: config.context,
                                            newID: Int64(i + 1)).get()
                let received = Workflow.evolve(nil, r)
                let changes = ClassificationChange(anonymous: p.anonymous, confidential: p.confidential)
                let next = p.forwardTo.map { Command(.forward, ActionDetails(agency: $0, reason: "Kewenangan provinsi", changes: changes)) }
                    ?? Command(.verify, ActionDetails(unit: p.unit, changes: changes))
                let v = try Workflow.decide(next, on: received, by: admin, at: at.adding(seconds: 60), context: config.context).get()
                histories.append([r, v])
                complaints.append(Workflow.evolve(received, v))
            }
            _ = try PGStore(ownerConn, context: config.context).insertHistories(histories)
        }

        func run(_ args: [String]) -> ProcessResult {
            AduanBinary.run(args + ["--store", owner, "--lang", "en"], env: [:], in: scratch)
        }

        func login(of operatorID: String) -> String {
            String(config.operators.first { $0.id == operatorID }!.logins.first!.dropFirst(tag.count + 1))
        }
    }

    nonisolated(unsafe) static var shared: Result<Store, any Error>?

    static func store() throws -> Store {
        if shared == nil { shared = Result { try Store(reports: planted) } }
        return try shared!.get()
    }

    struct Size: CustomTestStringConvertible, Sendable {
        let width: Int, height: Int
        var testDescription: String { "\(width)x\(height)" }
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    /// What `op` may not see anywhere, by the core's rules: the reporter of every report whose
    /// reporter is withheld from it, and the body of every report whose content is.
    static func forbidden(for op: Actor, in complaints: [Complaint]) -> [String] {
        var out: [String] = []
        for (p, c) in zip(planted, complaints) {
            if !Privacy.canSeeReporter(c, viewer: op) {
                out += [p.reporter.name, p.reporter.phone, p.reporter.nik, p.reporter.email].compactMap { $0 }
            }
            if !Privacy.canSeeContent(c, viewer: op) { out.append(p.bodyWord) }
            if !Privacy.canView(c, viewer: op) { out += [p.titleStart, p.bodyWord] }
        }
        return out
    }

    @Test(arguments: ["admin", "tl-dinkes", "op-pkm-karangrejo", "pengawas"], sizes)
    func eachRoleSeesOnItsPostgreSQLScreenExactlyWhatTheCoreLetsItSee(operatorID: String, size: Size) throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = try Self.store()
        let op = s.config.operators.first { $0.id == operatorID }!
        let scope = Access.inboxScope(of: op)
        let forbidden = Self.forbidden(for: op, in: s.complaints)
        var panes: [(what: String, text: String)] = []
        // The core's answers are not trivial for this data: each role is refused something.
        #expect(!forbidden.isEmpty, "\(operatorID) may see every planted identity: the test would prove nothing")

        let command = "'\(AduanBinary.path)' --store '\(s.location(s.login(of: operatorID)))' --lang id"
        let tmux = TmuxSession(width: size.width, height: size.height, command: command, scratch: s.scratch)
        let listed = zip(Self.planted, s.complaints).filter { scope.holdsNow($0.1) && Privacy.canSeeContent($0.1, viewer: op) }
        var (ok, screen) = tmux.waitFor { pane in
            listed.isEmpty ? pane.contains("Tidak ada laporan.") : listed.allSatisfy { pane.contains($0.0.titleStart) }
        }
        panes.append(("inbox", screen))
        #expect(ok, "\(operatorID) at \(size.testDescription): the inbox does not list \(listed.map(\.0.titleStart)):\n\(screen)")
        #expect(!screen.contains("[exit"), "the screen ended:\n\(screen)")

        // Every report: found by `id:` and opened when the role may open it; else not found at all.
        for (p, c) in zip(Self.planted, s.complaints) {
            tmux.send("l")
            _ = tmux.waitFor("Saring:")
            tmux.type("id:\(c.id)")
            tmux.send("Enter")
            guard Privacy.canView(c, viewer: op) else {
                (ok, screen) = tmux.waitFor("Tidak ada laporan.")
                panes.append(("id:\(c.id) (may not open)", screen))
                #expect(ok, "\(operatorID): report \(c.id), which it may not open, is listed:\n\(screen)")
                tmux.send("q")
                continue
            }
            // A report the role's agency passed away is under Diteruskan (the last tab).
            var tabbed = false
            if !scope.holdsNow(c) {
                _ = tmux.waitFor { EndToEndTests.selectedLine($0) != nil || $0.contains("Tidak ada laporan.") }
                if tmux.capture().contains("Tidak ada laporan.") {
                    tmux.send("BTab")
                    tabbed = true
                }
            }
            (ok, screen) = tmux.waitFor { EndToEndTests.selectedLine($0) != nil && !$0.contains("Saring:") }
            panes.append(("id:\(c.id)", screen))
            #expect(ok, "\(operatorID): report \(c.id) is not selected:\n\(screen)")
            tmux.send("Enter")
            (ok, screen) = tmux.waitFor { $0.contains("#\(c.id)") && $0.contains("Pelapor") }
            panes.append(("detail \(c.id)", screen))
            #expect(ok, "\(operatorID): report \(c.id) did not open:\n\(screen)")
            let name = p.reporter.name!
            if Privacy.canSeeReporter(c, viewer: op) {
                #expect(screen.contains(name), "\(operatorID) may see report \(c.id)'s reporter but Detail does not show it:\n\(screen)")
            }
            if Privacy.canSeeContent(c, viewer: op) {
                #expect(screen.contains(p.titleStart), "\(operatorID): report \(c.id)'s title is missing in Detail:\n\(screen)")
            } else {
                #expect(screen.contains("[disembunyikan]"), "\(operatorID): report \(c.id)'s hidden content is not said hidden:\n\(screen)")
            }
            tmux.send("q")
            _ = tmux.waitFor { !$0.contains("Pelapor") }
            tmux.send("q")
            _ = tmux.waitFor { !$0.contains("id:\(c.id)") }
            if tabbed { tmux.send("Tab") }
        }

        // Tenggat and the dashboard, as the role reads them.
        tmux.send("3")
        (ok, screen) = tmux.waitFor("[Tenggat]")
        panes.append(("Tenggat", screen))
        #expect(ok, "\(operatorID): Tenggat did not open:\n\(screen)")
        tmux.send("4")
        (ok, screen) = tmux.waitFor("Jumlah")
        panes.append(("dashboard", screen))
        #expect(ok, "\(operatorID): the dashboard did not open:\n\(screen)")
        tmux.send("1")
        _ = tmux.waitFor("Kotak Masuk")
        tmux.send("Q")
        (ok, screen) = tmux.waitFor("[exit 0]")
        #expect(ok, "\(operatorID): the screen did not end cleanly:\n\(screen)")

        // What the role may do, as the key bar offers it: a supervisor reads and keeps notes, never
        // answers the reporter; the holding unit's liaison does.
        let answers = panes.contains { $0.what == "inbox" && $0.text.contains("r tindak lanjut") }
        if op.role == .supervisor { #expect(!answers, "the supervisor is offered a follow-up:\n\(panes[0].text)") }
        if op.role == .liaison && size.width >= 200 { #expect(answers, "the liaison is not offered a follow-up:\n\(panes[0].text)") }

        for (what, text) in panes {
            for secret in forbidden {
                #expect(!text.contains(secret), "\(operatorID) at \(size.testDescription) sees «\(secret)» on \(what):\n\(text)")
            }
        }
    }

    /// PostgreSQL has no counters: the tabs' counts scan the role's reports (50–80 ms each at
    /// 100,000), so a reload of the inbox (after an action, a filter, another operator's change)
    /// counts them on the background connection, and the screen's own connection sends only
    /// what the repaint needs.
    @Test func reloadingTheInboxOnPostgreSQLCountsTheTabsOffTheScreensConnection() throws {
        let s = try Self.store()
        let location = s.location(s.login(of: "admin"))
        let conn = try PGOperatorStore.connect(location)
        let pg = try PGOperatorStore(conn: conn, conninfo: location, context: s.config.context)
        let admin = s.config.operators.first { $0.id == "admin" }!
        let ctx = DeskContext(store: pg, config: s.config, me: admin, language: .id, clock: { Timestamp(seconds: 1_790_000_000) })
        let inbox = InboxView()
        inbox.ensureLoaded(ctx)
        let before = conn.statementsSent
        inbox.reload(ctx)
        // The arrivals since the last look (the last id, the count) and the page; before: three counts more.
        #expect(conn.statementsSent - before <= 3, "the reload sent \(conn.statementsSent - before) statements on the screen's connection")
        var waited = 0
        while inbox.counts.isEmpty && waited < 100 {
            _ = inbox.tick(ctx)
            usleep(50_000)
            waited += 1
        }
        // The admin's agency holds reports 1–4 (in Belum Ditindaklanjuti) and forwarded report 5.
        #expect(inbox.counts == [.belumDitindaklanjuti: 4] && inbox.forwardedCount == 1,
                "the tabs' counts: \(inbox.counts), forwarded \(inbox.forwardedCount)")
    }

    @Test(arguments: sizes)
    func anEmptyPostgreSQLStoreOpensOnEveryViewAndSaysSo(size: Size) throws {
        try #require(AduanBinary.problem == nil, "\(AduanBinary.problem ?? "")")
        let s = try Store(reports: [])
        for operatorID in ["admin", "tl-dinkes"] {
            let command = "'\(AduanBinary.path)' --store '\(s.location(s.login(of: operatorID)))' --lang id"
            let tmux = TmuxSession(width: size.width, height: size.height, command: command, scratch: s.scratch)
            var (ok, screen) = tmux.waitFor("Tidak ada laporan.")
            #expect(ok, "\(operatorID) at \(size.testDescription): the empty inbox is not said:\n\(screen)")
            // Keys that need a report do nothing harmful on an empty list.
            for key in ["Enter", "j", "NPage", "End", "r", "m"] {
                tmux.send(key)
                usleep(100_000)
            }
            tmux.send("Escape")
            tmux.send("3")
            (ok, screen) = tmux.waitFor("[Tenggat]")
            #expect(ok, "\(operatorID): Tenggat did not open on an empty store:\n\(screen)")
            tmux.send("4")
            (ok, screen) = tmux.waitFor("Jumlah: 0")
            #expect(ok, "\(operatorID): the dashboard of an empty store:\n\(screen)")
            tmux.send("1")
            tmux.send("Q")
            (ok, screen) = tmux.waitFor("[exit 0]")
            #expect(ok, "\(operatorID): the screen did not end cleanly on an empty store:\n\(screen)")
        }
    }
}
